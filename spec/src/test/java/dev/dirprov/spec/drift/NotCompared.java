package dev.dirprov.spec.drift;

/**
 * A part of our spec that Auth0's document is silent about, so there is nothing to compare it with: the error
 * bodies and rate-limit headers Auth0 does not document, request media types other than JSON. Listed in the
 * report for the reader; never drift.
 *
 * @param where a JSON pointer into our spec, or into Auth0's document for a media type only Auth0 lists
 * @param why why it was not compared
 */
record NotCompared(String where, String why) {

    @Override
    public String toString() {
        return where + ": " + why;
    }
}
