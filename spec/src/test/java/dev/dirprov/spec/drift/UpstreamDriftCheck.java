package dev.dirprov.spec.drift;

import io.swagger.v3.oas.models.OpenAPI;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The upstream drift check: reads our spec and Auth0's document, compares them, writes
 * {@code upstream-drift.md} and {@code upstream-drift.json}, and says whether the build should fail.
 *
 * <pre>{@code
 * Outcome outcome = new UpstreamDriftCheck(Path.of("spec/openapi.yaml"), "https://auth0.com/...",
 *         Duration.ofSeconds(60), Path.of("spec/target")).run();
 * }</pre>
 *
 * <p>Stale reports are deleted first, so a check that cannot read a document never leaves an older
 * "no drift" behind; it writes a "not checked" report instead.
 *
 * @param ours our spec
 * @param upstream Auth0's document: a file path or an {@code http(s)} URL
 * @param timeout how long a URL may take to deliver the document
 * @param reportDirectory where the two reports go
 */
record UpstreamDriftCheck(Path ours, String upstream, Duration timeout, Path reportDirectory) {

    /**
     * What the check concluded.
     *
     * @param report the report written
     * @param failure why the check could not compare, or {@code null} when it compared
     */
    record Outcome(DriftReport report, String failure) {

        /** Whether the build fails: on drift (unless allowed) and whenever nothing could be compared. */
        boolean failsTheBuild(boolean allowDrift) {
            return failure != null || DriftReport.DRIFT.equals(report.verdict()) && !allowDrift;
        }
    }

    Outcome run() throws IOException {
        Files.deleteIfExists(reportDirectory.resolve("upstream-drift.md"));
        Files.deleteIfExists(reportDirectory.resolve("upstream-drift.json"));
        DriftReport report;
        String failure = null;
        try {
            OpenAPI ourDocument = OpenApiDocuments.read(ours.toString(), timeout);
            OpenAPI upstreamDocument = OpenApiDocuments.read(upstream, timeout);
            String version = upstreamDocument.getInfo() == null ? "?" : upstreamDocument.getInfo().getVersion();
            report = DriftReport.of(new DriftComparator(ourDocument, upstreamDocument).compare(),
                    ours.toString(), upstream, version);
        } catch (UnreadableDocumentException e) {
            failure = e.getMessage();
            report = DriftReport.notChecked(ours.toString(), upstream, failure);
        }
        report.writeTo(reportDirectory);
        return new Outcome(report, failure);
    }
}
