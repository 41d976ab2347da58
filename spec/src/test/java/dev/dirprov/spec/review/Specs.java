package dev.dirprov.spec.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The documents the review tests work on: the live spec (only ever the gates' input, in {@link ReviewGatesTest}),
 * the last release's spec (the gates' baseline, and the document {@link RealisticPullRequestsTest} edits), and
 * the fixture the gates' own tests own.
 */
final class Specs {

    /** The fixture's PATCH operation, which most of the gates' own tests break in one way. */
    static final String OPERATION = "#/paths/~1connections~1{id}~1directory-provisioning/patch";
    static final String SCHEMAS = "#/components/schemas";

    private static final String FIXTURE = "review/fixture-openapi.yaml";

    private Specs() {
    }

    static Path spec() {
        return Path.of(System.getProperty("dirprov.spec", "openapi.yaml"));
    }

    static Path baselineFile() {
        return Path.of(System.getProperty("dirprov.baseline", "baseline/openapi.yaml"));
    }

    static Path buildDirectory() {
        return Path.of(System.getProperty("dirprov.buildDirectory", "target"));
    }

    /** The live spec, named as a reviewer finds it from the repository root: {@code spec/openapi.yaml}. */
    static OpenApiTree current() {
        return OpenApiTree.read(spec(), displayName(spec()));
    }

    /** The last release's spec. */
    static OpenApiTree baseline() {
        return OpenApiTree.read(baselineFile(), displayName(baselineFile()));
    }

    /**
     * The small spec the gates' own tests are written against ({@code src/test/resources/review/}), so an
     * edit of the live spec never breaks them. It is lint-clean; {@code SpecLinterTest} checks that.
     */
    static OpenApiTree fixture() {
        try (InputStream in = Specs.class.getClassLoader().getResourceAsStream(FIXTURE)) {
            if (in == null) {
                throw new IllegalStateException(FIXTURE + " is not on the test classpath");
            }
            return OpenApiTree.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), FIXTURE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of {@code spec} with one change applied. */
    static OpenApiTree edited(OpenApiTree spec, Consumer<ObjectNode> change) {
        ObjectNode copy = spec.root().deepCopy();
        change.accept(copy);
        return OpenApiTree.of(copy, spec.name() + " (edited)");
    }

    /** The fixture with one change applied. */
    static OpenApiTree fixtureWith(Consumer<ObjectNode> change) {
        return edited(fixture(), change);
    }

    /** The object at {@code location} ({@code #/a/b}) in {@code root}; fails naming the location if there is none. */
    static ObjectNode object(JsonNode root, String location) {
        JsonNode node = root.at(location.substring(1));
        if (!node.isObject()) {
            throw new IllegalStateException("no object at " + location);
        }
        return (ObjectNode) node;
    }

    /**
     * How findings name a file: relative to the repository root when it is inside it ({@code spec/openapi.yaml}),
     * which is what editors and CI annotations resolve. Tests run in the module directory, one level down.
     */
    static String displayName(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path moduleDirectory = Path.of("").toAbsolutePath();
        Path root = moduleDirectory.getParent() == null ? moduleDirectory : moduleDirectory.getParent();
        return absolute.startsWith(root) ? root.relativize(absolute).toString().replace('\\', '/') : absolute.toString();
    }
}
