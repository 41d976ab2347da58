package dev.dirprov.spec.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The upstream drift check as the {@code upstream-drift} profile runs it (its name keeps it out of the default
 * test run): {@code ./mvnw -B -pl spec verify -Pupstream-drift -Dupstream.spec=<URL or file>}. Fails when
 * anything differs, unless {@code -Dupstream.allowDrift=true}, and whenever a document cannot be read.
 */
class UpstreamDriftRun {

    @Test
    void ourSpecMatchesAuth0sPublishedDocument() throws IOException {
        UpstreamDriftCheck check = new UpstreamDriftCheck(
                Path.of(System.getProperty("dirprov.spec", "openapi.yaml")),
                System.getProperty("upstream.spec", ""),
                Duration.ofSeconds(Long.getLong("upstream.timeoutSeconds", 60)),
                Path.of(System.getProperty("dirprov.buildDirectory", "target")));

        UpstreamDriftCheck.Outcome outcome = check.run();

        String reports = check.reportDirectory().resolve("upstream-drift.md") + " and upstream-drift.json";
        assertThat(outcome.failure()).as("the upstream drift check could not compare (see %s)", reports).isNull();
        assertThat(outcome.failsTheBuild(Boolean.getBoolean("upstream.allowDrift")))
                .as("Auth0's document drifted from our spec (-Dupstream.allowDrift=true lets it pass); %s:%n%s",
                        reports, outcome.report().markdown())
                .isFalse();
        System.out.println(outcome.report().markdown());
    }
}
