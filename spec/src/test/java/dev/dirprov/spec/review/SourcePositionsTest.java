package dev.dirprov.spec.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/** Lines and columns by JSON pointer: what makes a finding clickable in an editor or a CI log. */
class SourcePositionsTest {

    private static final String YAML = String.join("\n",
            "openapi: 3.0.3",
            "paths:",
            "  /connections/{id}/directory-provisioning:",
            "    patch:",
            "      tags:",
            "        - directory-provisioning",
            "        - connections",
            "      summary: Patch it",
            "components:",
            "  schemas:",
            "    Item:",
            "      properties:",
            "        idp:",
            "          maxLength: 64",
            "");

    private final SourcePositions positions = SourcePositions.parse(YAML);

    @Test
    void placesAMemberAtItsKey() {
        assertThat(positions.of("#/components/schemas/Item/properties/idp/maxLength")).isEqualTo("14:11");
        assertThat(positions.of("#/paths/~1connections~1{id}~1directory-provisioning/patch/summary"))
                .isEqualTo("8:7");
    }

    @Test
    void placesAnArrayItemAtItsValue() {
        assertThat(positions.of("#/paths/~1connections~1{id}~1directory-provisioning/patch/tags/1"))
                .isEqualTo("7:11");
    }

    @Test
    void placesAMissingPartAtItsNearestAncestor() {
        assertThat(positions.of("#/components/schemas/Item/properties/idp/pattern")).isEqualTo("13:9");
        assertThat(positions.of("#/nowhere")).isEqualTo("1:1");
    }

    @Test
    void rejectsWhatIsNotYaml() {
        assertThatThrownBy(() -> SourcePositions.parse("a: [unclosed"))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("not a YAML document");
    }
}
