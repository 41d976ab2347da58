package dev.dirprov.spec.drift;

import java.util.Set;

/**
 * One way Auth0's document differs from ours, with the place on both sides.
 *
 * <pre>{@code
 * CHANGED #/components/schemas/SynchronizedGroupPayload/properties/id
 *      <-> #/components/schemas/SynchronizedGroupPayload/properties/id: maxLength tightened: 32 -> 16
 * }</pre>
 *
 * @param group which side the difference is on
 * @param ours a JSON pointer into our spec, or {@link #NOWHERE} when we describe nothing there
 * @param upstream a JSON pointer into Auth0's document, or {@link #NOWHERE} when Auth0 documents nothing there
 * @param what what differs, in words, ours first and Auth0's second
 * @param operations the operations ({@code PATCH /connections/{id}/directory-provisioning}) that reach it
 */
record Difference(Group group, String ours, String upstream, String what, Set<String> operations) {

    /** Stands for the missing side of a difference: the thing is on the other side only. */
    static final String NOWHERE = "(absent)";

    /** The two kinds of drift, in the order the report lists them. */
    enum Group {
        /** Something our spec says that Auth0's document contradicts or no longer says. */
        CHANGED("Auth0 changed something we rely on"),
        /** Something Auth0 documents that our spec does not describe. */
        UNDESCRIBED("Auth0 has something we do not describe");

        private final String heading;

        Group(String heading) {
            this.heading = heading;
        }

        /** The heading of this group in the report. */
        String heading() {
            return heading;
        }
    }

    @Override
    public String toString() {
        return ours + " <-> " + upstream + ": " + what;
    }
}
