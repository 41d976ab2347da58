package dev.dirprov.spec.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Where the build keeps the spec, its baseline and the reports, and how tests derive broken specs from it. */
final class Specs {

    static final String OPERATION = "#/paths/~1connections~1{id}~1directory-provisioning/patch";
    static final String SCHEMAS = "#/components/schemas";

    private Specs() {
    }

    static Path spec() {
        return Path.of(System.getProperty("dirprov.spec", "openapi.yaml"));
    }

    static Path baseline() {
        return Path.of(System.getProperty("dirprov.baseline", "baseline/openapi.yaml"));
    }

    static Path buildDirectory() {
        return Path.of(System.getProperty("dirprov.buildDirectory", "target"));
    }

    static OpenApiTree current() {
        return OpenApiTree.read(spec());
    }

    /** The current spec with one change applied, for tests that need a spec a gate must reject. */
    static OpenApiTree mutant(Consumer<ObjectNode> change) {
        ObjectNode copy = current().root().deepCopy();
        change.accept(copy);
        return new OpenApiTree(copy);
    }

    /** The object at {@code location} ({@code #/a/b}) in {@code root}; fails loudly if the spec moved on. */
    static ObjectNode object(JsonNode root, String location) {
        JsonNode node = root.at(location.substring(1));
        if (!node.isObject()) {
            throw new IllegalStateException("no object at " + location + "; update the test to the spec");
        }
        return (ObjectNode) node;
    }
}
