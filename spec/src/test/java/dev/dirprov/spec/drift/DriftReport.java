package dev.dirprov.spec.drift;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirprov.spec.drift.Difference.Group;
import dev.dirprov.spec.drift.DriftComparator.DriftResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The drift check's two reports: {@code upstream-drift.md} for people (the verdict first, then one line per
 * difference with the JSON pointer on both sides) and {@code upstream-drift.json} for tools.
 *
 * <pre>{@code
 * DriftReport report = DriftReport.of(result, "spec/openapi.yaml", "https://auth0.com/...", "2.0");
 * report.writeTo(Path.of("spec/target"));
 * }</pre>
 *
 * @param verdict {@code no drift}, {@code drift} or {@code not checked}
 * @param markdown the report for people
 * @param json the report for tools
 */
record DriftReport(String verdict, String markdown, String json) {

    static final String NO_DRIFT = "no drift";
    static final String DRIFT = "drift";
    static final String NOT_CHECKED = "not checked";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The report of a comparison that ran. */
    static DriftReport of(DriftResult result, String ours, String upstream, String upstreamVersion) {
        String verdict = result.drifted() ? DRIFT : NO_DRIFT;
        StringBuilder md = new StringBuilder("# Upstream drift: ").append(verdict).append("\n\n");
        if (result.drifted()) {
            md.append("**Drift**: ").append(result.differences().size())
                    .append(" difference(s) between `").append(ours).append("` and Auth0's document `")
                    .append(upstream).append("` (info.version `").append(upstreamVersion).append("`), in ")
                    .append(result.operations().size()).append(" of ").append(result.operationsCompared())
                    .append(" compared operation(s).\n");
        } else {
            md.append("**No drift**: all ").append(result.operationsCompared()).append(" operation(s) of `")
                    .append(ours).append("` match Auth0's document `").append(upstream)
                    .append("` (info.version `").append(upstreamVersion).append("`).\n");
        }
        md.append("\nEach line: our JSON pointer <-> Auth0's JSON pointer: what differs (ours -> Auth0's), "
                + "then the operations it affects.\n");
        for (Group group : Group.values()) {
            md.append("\n## ").append(group.heading()).append(" (").append(result.in(group).size()).append(")\n\n");
            if (result.in(group).isEmpty()) {
                md.append("Nothing.\n");
            }
            for (Difference difference : result.in(group)) {
                md.append("- `").append(difference.ours()).append("` <-> `").append(difference.upstream())
                        .append("`: ").append(difference.what()).append(" (")
                        .append(String.join(", ", difference.operations())).append(")\n");
            }
        }
        md.append("\n## Not compared: Auth0's document is silent (").append(result.notCompared().size())
                .append(")\n\n");
        if (result.notCompared().isEmpty()) {
            md.append("Nothing.\n");
        }
        result.notCompared().forEach(skipped -> md.append("- `").append(skipped.where()).append("`: ")
                .append(skipped.why()).append('\n'));

        ObjectNode json = header(verdict, ours, upstream);
        json.put("upstreamVersion", upstreamVersion);
        json.put("operationsCompared", result.operationsCompared());
        ObjectNode counts = json.putObject("counts");
        counts.put("changed", result.in(Group.CHANGED).size());
        counts.put("undescribed", result.in(Group.UNDESCRIBED).size());
        counts.put("notCompared", result.notCompared().size());
        ArrayNode differences = json.putArray("differences");
        for (Difference difference : result.differences()) {
            ObjectNode node = differences.addObject();
            node.put("group", difference.group().name().toLowerCase(java.util.Locale.ROOT));
            node.put("ours", difference.ours());
            node.put("upstream", difference.upstream());
            node.put("difference", difference.what());
            ArrayNode operations = node.putArray("operations");
            difference.operations().forEach(operations::add);
        }
        ArrayNode skipped = json.putArray("notCompared");
        result.notCompared().forEach(item -> skipped.addObject().put("where", item.where()).put("why", item.why()));
        return new DriftReport(verdict, md.toString(), text(json));
    }

    /** The report of a check that could not compare: it names the reason and claims nothing about drift. */
    static DriftReport notChecked(String ours, String upstream, String reason) {
        String md = "# Upstream drift: " + NOT_CHECKED + "\n\n**Not checked**: " + reason
                + "\n\nNothing was compared, so this report says nothing about drift.\n";
        ObjectNode json = header(NOT_CHECKED, ours, upstream);
        json.put("reason", reason);
        return new DriftReport(NOT_CHECKED, md, text(json));
    }

    /** Writes {@code upstream-drift.md} and {@code upstream-drift.json} into {@code directory}. */
    void writeTo(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("upstream-drift.md"), markdown);
        Files.writeString(directory.resolve("upstream-drift.json"), json);
    }

    private static ObjectNode header(String verdict, String ours, String upstream) {
        ObjectNode json = JSON.createObjectNode();
        json.put("verdict", verdict);
        json.put("ours", ours);
        json.put("upstream", upstream);
        return json;
    }

    private static String text(ObjectNode json) {
        try {
            return JSON.writeValueAsString(json) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
