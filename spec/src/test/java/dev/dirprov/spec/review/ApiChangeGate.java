package dev.dirprov.spec.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.compare.OpenApiDiffOptions;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.DiffResult;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * Decides whether the current spec may replace the last release's (the baseline), and writes what changed for
 * reviewers: the report {@code spec/target/api-changes.md} and a summary of at most a screenful for the log.
 *
 * <p>{@link ApiDiff} lists each change and judges it for the dirprov client and for other consumers;
 * openapi-diff-core is a second opinion, so a change it calls incompatible and {@link ApiDiff} does not
 * describe still breaks. A breaking change passes only if {@code info.version} raises the major version, or
 * if it is acknowledged explicitly ({@code -Ddirprov.acceptBreakingChanges=true}).
 *
 * <pre>{@code
 * ApiChangeGate.Outcome outcome = ApiChangeGate.evaluate(baseline, current, false);
 * Files.writeString(report, outcome.report());
 * if (outcome.failsTheBuild()) { fail(outcome.summary()); }
 * }</pre>
 */
final class ApiChangeGate {

    /** The property that acknowledges a breaking change without a major version. */
    static final String ACKNOWLEDGE_PROPERTY = "dirprov.acceptBreakingChanges";

    /** Where the build writes the report, as the log names it. */
    static final String REPORT = "spec/target/api-changes.md";

    /** How many changes the log summary lists before pointing at the report. */
    static final int SUMMARY_LINES = 15;

    private static final Pattern MAJOR = Pattern.compile("^(\\d+)\\.");

    /** What the gate decided. */
    enum Verdict {
        NO_CHANGES("No changes to the API since the baseline."),
        COMPATIBLE("Compatible: clients built against the baseline keep working."),
        BREAKING_WITH_NEW_MAJOR_VERSION("Breaking, accepted: info.version raises the major version."),
        BREAKING_ACKNOWLEDGED("Breaking, accepted: acknowledged with -D" + ACKNOWLEDGE_PROPERTY + "=true."),
        BREAKING("Breaking: the build fails.");

        final String sentence;

        Verdict(String sentence) {
            this.sentence = sentence;
        }
    }

    /**
     * The gate's decision and the reports behind it.
     *
     * @param verdict what the gate decided
     * @param openApiDiff openapi-diff-core's own classification of the change
     * @param changes every change, breaking ones first
     * @param report the Markdown change report
     * @param summary the same, briefly, for the build log
     */
    record Outcome(Verdict verdict, DiffResult openApiDiff, List<ApiDiff.Change> changes, String report,
            String summary) {

        boolean isBreaking() {
            return verdict != Verdict.NO_CHANGES && verdict != Verdict.COMPATIBLE;
        }

        boolean failsTheBuild() {
            return verdict == Verdict.BREAKING;
        }

        List<ApiDiff.Change> changes(ApiDiff.Kind kind) {
            return changes.stream().filter(change -> change.kind() == kind).toList();
        }
    }

    private ApiChangeGate() {
    }

    static Outcome evaluate(OpenApiTree baseline, OpenApiTree current, boolean acknowledged) {
        ChangedOpenApi diff = OpenApiCompare.fromContents(json(baseline.root()),
                json(withLoosenedRequestBodiesUndone(baseline, current)), null, diffOptions());
        DiffResult result = diff.isChanged();
        List<ApiDiff.Change> changes = new ArrayList<>(ApiDiff.between(baseline, current));
        boolean breaking = changes.stream().anyMatch(change -> change.kind() == ApiDiff.Kind.BREAKING);
        if (result.isIncompatible() && !breaking) {
            changes.add(0, new ApiDiff.Change(ApiDiff.Kind.BREAKING, "#", false, ApiDiff.Side.OPERATION, Set.of(),
                    "the document", "openapi-diff-core: incompatible",
                    "a change dirprov's own checks do not describe; read openapi-diff-core's report below",
                    "see openapi-diff-core's report below"));
            breaking = true;
        }

        Verdict verdict;
        if (!breaking) {
            verdict = changes.isEmpty() && result.isUnchanged() ? Verdict.NO_CHANGES : Verdict.COMPATIBLE;
        } else if (major(current.version()) > major(baseline.version())) {
            verdict = Verdict.BREAKING_WITH_NEW_MAJOR_VERSION;
        } else if (acknowledged) {
            verdict = Verdict.BREAKING_ACKNOWLEDGED;
        } else {
            verdict = Verdict.BREAKING;
        }
        List<ApiDiff.Change> all = List.copyOf(changes);
        return new Outcome(verdict, result, all, report(baseline, current, verdict, all, diff),
                summary(baseline, current, verdict, all));
    }

    /**
     * openapi-diff's defaults, plus two changes that break a generated client (a renamed operationId renames
     * the Java method; a raised minLength rejects requests that used to pass), minus the response changes
     * {@link ApiDiff} judges by the client: a new enum value or a wider bound in a response is read fine by
     * the generated client, so it is a note for other consumers, not a break.
     */
    private static OpenApiDiffOptions diffOptions() {
        return OpenApiDiffOptions.builder()
                .configProperty("incompatible.operation.id.changed", "true")
                .configProperty("incompatible.request.min.length.increased", "true")
                .configProperty("incompatible.response.enum.increased", "false")
                .configProperty("incompatible.response.max.length.increased", "false")
                .configProperty("incompatible.response.min.length.increased", "false")
                .configProperty("incompatible.response.numeric.range.increased", "false")
                .build();
    }

    private static String howToAccept(OpenApiTree baseline) {
        int major = Math.max(major(baseline.version()), 0);
        return "To accept a breaking change: raise the major version in info.version (" + baseline.version() + " → "
                + (major + 1) + ".0.0), or run the build with -D" + ACKNOWLEDGE_PROPERTY + "=true; either way say"
                + " why in the pull request and mark it **Breaking** in CHANGELOG.md.";
    }

    private static String where(OpenApiTree baseline, OpenApiTree current, ApiDiff.Change change) {
        return (change.inBaseline() ? baseline : current).where(change.location());
    }

    private static String counts(List<ApiDiff.Change> changes) {
        long breaking = changes.stream().filter(c -> c.kind() == ApiDiff.Kind.BREAKING).count();
        long notes = changes.stream().filter(c -> c.kind() == ApiDiff.Kind.NOTE).count();
        long compatible = changes.size() - breaking - notes;
        return breaking + " breaking, " + notes + " note" + (notes == 1 ? "" : "s") + ", " + compatible
                + " compatible";
    }

    private static String summary(OpenApiTree baseline, OpenApiTree current, Verdict verdict,
            List<ApiDiff.Change> changes) {
        StringBuilder text = new StringBuilder();
        text.append("API change gate: ").append(verdict.sentence).append(" (").append(baseline.version())
                .append(" → ").append(current.version()).append(": ").append(counts(changes)).append(")\n");
        List<ApiDiff.Change> listed = changes.stream().filter(c -> c.kind() != ApiDiff.Kind.COMPATIBLE).toList();
        listed.stream().limit(SUMMARY_LINES).forEach(change -> text.append("  ").append(change.kind()).append(' ')
                .append(where(baseline, current, change)).append(' ').append(change.location()).append(": ")
                .append(change.subject()).append(' ').append(change.change()).append(" (").append(change.side().label)
                .append(operations(change, "; ")).append(") ").append(why(change)).append('\n'));
        if (listed.size() > SUMMARY_LINES) {
            text.append("  … and ").append(listed.size() - SUMMARY_LINES).append(" more\n");
        }
        if (verdict == Verdict.BREAKING) {
            text.append(howToAccept(baseline)).append('\n');
        }
        text.append("Every change, with why: ").append(REPORT).append('\n');
        return text.toString();
    }

    private static String why(ApiDiff.Change change) {
        return change.kind() == ApiDiff.Kind.NOTE ? "other consumers: " + change.forOthers()
                : "dirprov: " + change.forDirprov();
    }

    private static String operations(ApiDiff.Change change, String prefix) {
        return change.operations().isEmpty() ? "" : prefix + String.join(", ", change.operations());
    }

    private static String report(OpenApiTree baseline, OpenApiTree current, Verdict verdict,
            List<ApiDiff.Change> changes, ChangedOpenApi diff) {
        StringBuilder md = new StringBuilder();
        md.append("# API changes\n\n");
        md.append("**").append(verdict.sentence).append("** ").append(counts(changes)).append(".\n\n");
        md.append("Baseline (the last release) `").append(baseline.version()).append("`, ").append(baseline.name())
                .append(" → this build `").append(current.version()).append("`, ").append(current.name())
                .append(".\n\n");
        if (verdict == Verdict.BREAKING) {
            md.append(howToAccept(baseline)).append("\n\n");
        }
        section(md, baseline, current, changes, ApiDiff.Kind.BREAKING, "Breaking");
        section(md, baseline, current, changes, ApiDiff.Kind.NOTE,
                "Notes: compatible for the dirprov client, other consumers may have to act");
        section(md, baseline, current, changes, ApiDiff.Kind.COMPATIBLE, "Compatible");
        md.append("## openapi-diff-core's view\n\n");
        md.append("A second opinion from openapi-diff-core, which classifies the change as **")
                .append(diff.isChanged()).append("**.\n\n<details><summary>Its report</summary>\n\n")
                .append(openApiDiffMarkdown(diff).strip()).append("\n\n</details>\n");
        return md.toString();
    }

    private static void section(StringBuilder md, OpenApiTree baseline, OpenApiTree current,
            List<ApiDiff.Change> changes, ApiDiff.Kind kind, String title) {
        List<ApiDiff.Change> ofKind = changes.stream().filter(change -> change.kind() == kind).toList();
        if (ofKind.isEmpty()) {
            return;
        }
        md.append("## ").append(title).append("\n\n");
        for (ApiDiff.Change change : ofKind) {
            md.append("### `").append(change.subject()).append("`: ").append(change.change()).append("\n\n");
            md.append("- Where: `").append(change.location()).append("`, ").append(where(baseline, current, change))
                    .append(change.inBaseline() ? " (the baseline: it is gone from this build)" : "").append('\n');
            if (!change.operations().isEmpty()) {
                md.append("- Operations: `").append(String.join("`, `", change.operations())).append("`\n");
            }
            md.append("- Side: ").append(change.side().label).append('\n');
            md.append("- For the dirprov client: ").append(change.forDirprov()).append('\n');
            md.append("- For other consumers: ").append(change.forOthers()).append("\n\n");
        }
    }

    private static String openApiDiffMarkdown(ChangedOpenApi diff) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStreamWriter writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            new MarkdownRender().render(diff, writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The major number of a {@code MAJOR.MINOR.PATCH} version; -1 when there is none. */
    static int major(String version) {
        Matcher matcher = MAJOR.matcher(version);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    /**
     * The current document as openapi-diff-core should see it: a request body that was required in the baseline
     * and is optional now gets back its {@code required: true}. openapi-diff-core 2.1.7 calls any change of a
     * request body's {@code required} incompatible ({@code ChangedRequestBody.isCoreChanged}), also the one that
     * lets callers send less; {@link ApiDiff} judges that change itself (compatible) and names it in the report.
     */
    static JsonNode withLoosenedRequestBodiesUndone(OpenApiTree baseline, OpenApiTree current) {
        JsonNode copy = current.root().deepCopy();
        OpenApiTree view = OpenApiTree.of(copy, current.name());
        Map<String, OpenApiTree.Operation> before = new HashMap<>();
        baseline.operations().forEach(operation -> before.put(operation.method() + " " + operation.path(), operation));
        for (OpenApiTree.Operation operation : view.operations()) {
            OpenApiTree.Operation old = before.get(operation.method() + " " + operation.path());
            if (old == null) {
                continue;
            }
            JsonNode oldBody = baseline.resolve(old.node().path("requestBody"));
            JsonNode newBody = view.resolve(operation.node().path("requestBody"));
            if (oldBody.path("required").asBoolean(false) && newBody instanceof ObjectNode body
                    && !body.path("required").asBoolean(false)) {
                body.put("required", true);
            }
        }
        return copy;
    }

    private static String json(JsonNode root) {
        try {
            return new ObjectMapper().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
