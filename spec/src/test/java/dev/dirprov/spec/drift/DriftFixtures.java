package dev.dirprov.spec.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.swagger.v3.oas.models.OpenAPI;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The drift check's fixture documents (src/test/resources/drift), as text, as parsed documents and as mutable
 * trees for the mutants. The trees are only a way to write mutated copies; every comparison reads them back
 * through swagger-parser.
 */
final class DriftFixtures {

    static final String AUTH0 = "auth0-shaped.openapi.yml";
    static final String OURS = "auth0-shaped-ours.openapi.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private DriftFixtures() {
    }

    static String text(String name) {
        try (InputStream in = DriftFixtures.class.getResourceAsStream("/drift/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /drift/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OpenAPI parsed(String name) {
        return parse(name, text(name));
    }

    /** The fixture after {@code mutation} changed its tree, written out and parsed again. */
    static OpenAPI mutated(String name, Consumer<ObjectNode> mutation) {
        try {
            ObjectNode tree = (ObjectNode) YAML.readTree(text(name));
            mutation.accept(tree);
            return parse(name + " (mutated)", YAML.writeValueAsString(tree));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The object at a JSON pointer ({@code /paths/~1a/get}) of a tree. */
    static ObjectNode at(JsonNode tree, String pointer) {
        JsonNode node = tree.at(pointer);
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException("no object at " + pointer);
        }
        return object;
    }

    private static OpenAPI parse(String name, String content) {
        try {
            return OpenApiDocuments.parse(name, content);
        } catch (UnreadableDocumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
