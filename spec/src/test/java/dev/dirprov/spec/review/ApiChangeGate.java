package dev.dirprov.spec.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.compare.OpenApiDiffOptions;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.DiffResult;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * Decides whether the current spec may replace the last release's (the baseline), and writes the change
 * report reviewers read ({@code spec/target/api-changes.md}).
 *
 * <p>A change is breaking when openapi-diff-core calls it incompatible or {@link SchemaCompatibility} finds
 * what openapi-diff misses. A breaking change passes only if {@code info.version} raises the major version,
 * or if it is acknowledged explicitly ({@code -Ddirprov.acceptBreakingChanges=true}).
 *
 * <pre>{@code
 * ApiChangeGate.Outcome outcome = ApiChangeGate.evaluate(baseline, current, false);
 * Files.writeString(report, outcome.report());
 * if (outcome.failsTheBuild()) { ... }
 * }</pre>
 */
final class ApiChangeGate {

    /** The property that acknowledges a breaking change without a major version. */
    static final String ACKNOWLEDGE_PROPERTY = "dirprov.acceptBreakingChanges";

    private static final Pattern MAJOR = Pattern.compile("^(\\d+)\\.");

    /** What the gate decided. */
    enum Verdict {
        NO_CHANGES("No changes to the API since the baseline."),
        COMPATIBLE("Compatible: clients built against the baseline keep working."),
        BREAKING_WITH_NEW_MAJOR_VERSION("Breaking, accepted: info.version raises the major version."),
        BREAKING_ACKNOWLEDGED("Breaking, accepted: acknowledged with -D" + ACKNOWLEDGE_PROPERTY + "=true."),
        BREAKING("Breaking: the build fails. Raise the major version in info.version, or acknowledge the break"
                + " with -D" + ACKNOWLEDGE_PROPERTY + "=true.");

        private final String sentence;

        Verdict(String sentence) {
            this.sentence = sentence;
        }
    }

    /**
     * The gate's decision and the report behind it.
     *
     * @param verdict what the gate decided
     * @param openApiDiff openapi-diff-core's own classification of the change
     * @param ownFindings breaking changes found by {@link SchemaCompatibility}
     * @param report the Markdown change report
     */
    record Outcome(Verdict verdict, DiffResult openApiDiff, List<Finding> ownFindings, String report) {

        boolean isBreaking() {
            return verdict != Verdict.NO_CHANGES && verdict != Verdict.COMPATIBLE;
        }

        boolean failsTheBuild() {
            return verdict == Verdict.BREAKING;
        }
    }

    private ApiChangeGate() {
    }

    static Outcome evaluate(OpenApiTree baseline, OpenApiTree current, boolean acknowledged) {
        ChangedOpenApi diff = OpenApiCompare.fromContents(json(baseline), json(current), null, diffOptions());
        DiffResult result = diff.isChanged();
        List<Finding> own = SchemaCompatibility.breakingChanges(baseline, current);

        Verdict verdict;
        if (!result.isIncompatible() && own.isEmpty()) {
            verdict = result.isUnchanged() ? Verdict.NO_CHANGES : Verdict.COMPATIBLE;
        } else if (major(current.version()) > major(baseline.version())) {
            verdict = Verdict.BREAKING_WITH_NEW_MAJOR_VERSION;
        } else if (acknowledged) {
            verdict = Verdict.BREAKING_ACKNOWLEDGED;
        } else {
            verdict = Verdict.BREAKING;
        }
        return new Outcome(verdict, result, own, report(baseline, current, verdict, own, diff));
    }

    /**
     * openapi-diff's defaults, plus two changes that break a generated client: a renamed operationId renames
     * the Java method, and a raised minLength rejects requests that used to pass.
     */
    private static OpenApiDiffOptions diffOptions() {
        return OpenApiDiffOptions.builder()
                .configProperty("incompatible.operation.id.changed", "true")
                .configProperty("incompatible.request.min.length.increased", "true")
                .build();
    }

    private static String report(OpenApiTree baseline, OpenApiTree current, Verdict verdict, List<Finding> own,
            ChangedOpenApi diff) {
        StringBuilder md = new StringBuilder();
        md.append("# API changes\n\n");
        md.append("Baseline (the last release, `spec/baseline/openapi.yaml`): `").append(baseline.version())
                .append("` · this build (`spec/openapi.yaml`): `").append(current.version()).append("`\n\n");
        md.append("**").append(verdict.sentence).append("**\n\n");
        md.append("## Breaking changes that openapi-diff does not report\n\n");
        if (own.isEmpty()) {
            md.append("None.\n");
        }
        own.forEach(finding -> md.append("- `").append(finding.location()).append("` (").append(finding.rule())
                .append("): ").append(finding.message()).append('\n'));
        md.append("\n## openapi-diff report\n\n");
        md.append("openapi-diff-core classifies the change as **").append(diff.isChanged()).append("**.\n\n");
        md.append(openApiDiffMarkdown(diff).strip()).append('\n');
        return md.toString();
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

    private static String json(OpenApiTree spec) {
        try {
            return new ObjectMapper().writeValueAsString(spec.root());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
