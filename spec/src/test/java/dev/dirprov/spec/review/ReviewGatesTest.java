package dev.dirprov.spec.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The review gates, run on the real spec by every build. Each writes what it found under {@code target/}
 * and fails the build on a finding; the tests of each gate show it rejecting broken specs.
 */
class ReviewGatesTest {

    @Test
    void theSpecHasNoLintFindings() throws IOException {
        List<Finding> findings = new SpecLinter(SpecLinter.AUTH0_WIRE_NAMES).lint(Specs.current());

        Path report = write("lint-findings.txt", SpecLinter.describe(findings));

        assertThat(findings).as("lint findings (also in %s):%n%s", report, SpecLinter.describe(findings)).isEmpty();
    }

    @Test
    void theSpecMakesNoUnacknowledgedBreakingChangeSinceTheLastRelease() throws IOException {
        boolean acknowledged = Boolean.getBoolean(ApiChangeGate.ACKNOWLEDGE_PROPERTY);
        ApiChangeGate.Outcome outcome = ApiChangeGate.evaluate(
                OpenApiTree.read(Specs.baseline()), Specs.current(), acknowledged);

        Path report = write("api-changes.md", outcome.report());

        assertThat(outcome.failsTheBuild())
                .as("breaking API change; read %s:%n%s", report, outcome.report())
                .isFalse();
    }

    @Test
    void theRenderedReferenceIsSelfContainedAndShowsEveryOperation() throws IOException {
        Path page = Specs.buildDirectory().resolve("reference/index.html");
        assertThat(page).as("the build renders the spec to %s", page).isRegularFile();
        String html = Files.readString(page);

        assertThat(SelfContainedPage.networkResources(html)).as("what %s fetches from the network", page).isEmpty();
        for (OpenApiTree.Operation operation : Specs.current().operations()) {
            assertThat(html).contains(operation.node().path("operationId").asText(),
                    operation.node().path("summary").asText());
        }
        Specs.current().root().path("components").path("schemas").fieldNames()
                .forEachRemaining(schema -> assertThat(html).contains(schema));
    }

    private static Path write(String name, String content) throws IOException {
        Path file = Specs.buildDirectory().resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }
}
