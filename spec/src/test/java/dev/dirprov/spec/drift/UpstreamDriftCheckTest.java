package dev.dirprov.spec.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole check on fixture files: the two reports it writes, and when it fails the build.
 */
class UpstreamDriftCheckTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @Test
    void noDriftIsTheVerdictOfBothReports() throws IOException {
        UpstreamDriftCheck.Outcome outcome = check(DriftFixtures.text(DriftFixtures.AUTH0)).run();

        assertThat(outcome.failsTheBuild(false)).isFalse();
        String markdown = Files.readString(dir.resolve("target/upstream-drift.md"));
        assertThat(markdown).startsWith("# Upstream drift: no drift\n\n**No drift**: all 5 operation(s) of `")
                .contains("## Auth0 changed something we rely on (0)", "## Auth0 has something we do not describe (0)",
                        "## Not compared: Auth0's document is silent (");
        JsonNode json = json();
        assertThat(json.path("verdict").asText()).isEqualTo("no drift");
        assertThat(json.path("operationsCompared").asInt()).isEqualTo(5);
        assertThat(json.path("upstreamVersion").asText()).isEqualTo("2.0");
        assertThat(json.path("differences")).isEmpty();
    }

    @Test
    void driftFailsTheBuildUnlessAllowedAndIsListedOnBothSidesPerGroup() throws IOException {
        String mutated = DriftFixtures.text(DriftFixtures.AUTH0)
                .replace("      - 'off'\n      - selected\n", "      - 'off'\n      - selected\n      - some\n")
                .replace("          maxLength: 32\n", "          maxLength: 16\n");

        UpstreamDriftCheck.Outcome outcome = check(mutated).run();

        assertThat(outcome.failsTheBuild(false)).isTrue();
        assertThat(outcome.failsTheBuild(true)).isFalse();
        String markdown = Files.readString(dir.resolve("target/upstream-drift.md"));
        assertThat(markdown).startsWith("# Upstream drift: drift\n\n**Drift**: 2 difference(s) between `");
        assertThat(markdown.substring(markdown.indexOf("## Auth0 changed something we rely on (1)"),
                markdown.indexOf("## Auth0 has something we do not describe (1)")))
                .contains("- `#/components/schemas/SynchronizedGroupPayload/properties/id/maxLength` <-> "
                        + "`#/components/schemas/SynchronizedGroupPayload/properties/id/maxLength`: "
                        + "maxLength tightened: 32 -> 16 (PUT /connections/{id}/directory-provisioning"
                        + "/synchronized-groups)");
        assertThat(markdown.substring(markdown.indexOf("## Auth0 has something we do not describe (1)")))
                .contains("`: Auth0 added enum value `some` (GET /connections-directory-provisionings,"
                        + " PATCH /connections/{id}/directory-provisioning)");
        JsonNode json = json();
        assertThat(json.path("verdict").asText()).isEqualTo("drift");
        assertThat(json.path("counts").path("changed").asInt()).isEqualTo(1);
        assertThat(json.path("counts").path("undescribed").asInt()).isEqualTo(1);
        assertThat(json.path("differences").get(0).path("upstream").asText())
                .isEqualTo("#/components/schemas/SynchronizeGroupsEnum/enum");
    }

    @Test
    void anUnreadableDocumentFailsEvenWhenDriftIsAllowedAndReplacesAnOldNoDriftReport() throws IOException {
        Path reports = Files.createDirectories(dir.resolve("target"));
        Files.writeString(reports.resolve("upstream-drift.md"), "# Upstream drift: no drift\n");
        Files.writeString(reports.resolve("upstream-drift.json"), "{\"verdict\": \"no drift\"}");

        UpstreamDriftCheck.Outcome outcome = check("openapi: 3.1.0\npaths: [unclosed\n").run();

        assertThat(outcome.failure()).contains("auth0.yml: ");
        assertThat(outcome.failsTheBuild(true)).isTrue();
        String markdown = Files.readString(reports.resolve("upstream-drift.md"));
        assertThat(markdown).startsWith("# Upstream drift: not checked\n\n**Not checked**: ")
                .doesNotContain("no drift");
        assertThat(json().path("verdict").asText()).isEqualTo("not checked");
        assertThat(json().path("reason").asText()).isEqualTo(outcome.failure());
    }

    @Test
    void anUnreadableSpecOfOursIsNotCheckedEither() throws IOException {
        Path ours = Files.writeString(dir.resolve("ours.yaml"), "not: openapi\n");
        Path auth0 = Files.writeString(dir.resolve("auth0.yml"), DriftFixtures.text(DriftFixtures.AUTH0));

        UpstreamDriftCheck.Outcome outcome =
                new UpstreamDriftCheck(ours, auth0.toString(), TIMEOUT, dir.resolve("target")).run();

        assertThat(outcome.failure()).startsWith(ours + ": is not an OpenAPI 3 document");
        assertThat(outcome.report().verdict()).isEqualTo(DriftReport.NOT_CHECKED);
    }

    private UpstreamDriftCheck check(String upstreamDocument) throws IOException {
        Path ours = Files.writeString(dir.resolve("ours.yaml"), DriftFixtures.text(DriftFixtures.OURS));
        Path auth0 = Files.writeString(dir.resolve("auth0.yml"), upstreamDocument);
        return new UpstreamDriftCheck(ours, auth0.toString(), TIMEOUT, dir.resolve("target"));
    }

    private JsonNode json() throws IOException {
        return new ObjectMapper().readTree(dir.resolve("target/upstream-drift.json").toFile());
    }
}
