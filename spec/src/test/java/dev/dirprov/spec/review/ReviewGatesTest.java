package dev.dirprov.spec.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The review gates, run on the live spec by every build: the only tests whose input is {@code spec/openapi.yaml}
 * itself (the gates' own tests use a fixture they own). Each writes what it found under {@code target/} and
 * fails the build with a short message that leads with the verdict and the findings.
 */
class ReviewGatesTest {

    @Test
    void theSpecHasNoLintFindings() throws IOException {
        OpenApiTree spec = Specs.current();
        List<Finding> findings = new SpecLinter(SpecLinter.AUTH0_WIRE_NAMES).lint(spec);
        String described = SpecLinter.describe(findings, spec);

        Path report = write("lint-findings.txt", described);

        assertThat(findings).withFailMessage("%d lint finding%s (also in %s):%n%s", findings.size(),
                findings.size() == 1 ? "" : "s", report, described).isEmpty();
    }

    @Test
    void theSpecMakesNoUnacknowledgedBreakingChangeSinceTheLastRelease() throws IOException {
        boolean acknowledged = Boolean.getBoolean(ApiChangeGate.ACKNOWLEDGE_PROPERTY);
        ApiChangeGate.Outcome outcome = ApiChangeGate.evaluate(Specs.baseline(), Specs.current(), acknowledged);

        write("api-changes.md", outcome.report());

        assertThat(outcome.failsTheBuild()).withFailMessage("%s", outcome.summary()).isFalse();
        if (outcome.verdict() != ApiChangeGate.Verdict.NO_CHANGES) {
            System.out.print(outcome.summary());
        }
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
