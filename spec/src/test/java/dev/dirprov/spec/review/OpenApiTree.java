package dev.dirprov.spec.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An OpenAPI 3.0 document as a plain JSON tree, with the few navigation helpers the gates share.
 *
 * <p>Locations are JSON pointers written as URI fragments without percent-encoding, the way a reviewer reads
 * them: {@code #/paths/~1connections~1{id}~1directory-provisioning/patch/summary}.
 *
 * <pre>{@code
 * OpenApiTree spec = OpenApiTree.read(Path.of("openapi.yaml"), "spec/openapi.yaml");
 * for (OpenApiTree.Operation operation : spec.operations()) { ... }
 * }</pre>
 */
final class OpenApiTree {

    static final List<String> HTTP_METHODS =
            List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private static final YAMLMapper YAML = new YAMLMapper();

    private final JsonNode root;
    private final String name;
    private final SourcePositions positions;

    private OpenApiTree(JsonNode root, String name, SourcePositions positions) {
        this.root = root;
        this.name = name;
        this.positions = positions;
    }

    /** Reads a file; findings name it as {@code name} ({@code spec/openapi.yaml}), with lines and columns. */
    static OpenApiTree read(Path file, String name) {
        try {
            return parse(Files.readString(file), name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read OpenAPI document " + file, e);
        }
    }

    static OpenApiTree parse(String yamlOrJson, String name) {
        try {
            return new OpenApiTree(YAML.readTree(yamlOrJson), name, SourcePositions.parse(yamlOrJson));
        } catch (IOException e) {
            throw new UncheckedIOException("not a YAML or JSON document: " + name, e);
        }
    }

    /** A document built in memory (an edited copy): findings name it, but without lines. */
    static OpenApiTree of(JsonNode root, String name) {
        return new OpenApiTree(root, name, null);
    }

    JsonNode root() {
        return root;
    }

    /** How findings name this document, for example {@code spec/openapi.yaml}. */
    String name() {
        return name;
    }

    /**
     * Where a location is, the way editors and build logs link it: {@code spec/openapi.yaml:1262:11}, or the
     * bare name for a document built in memory.
     */
    String where(String location) {
        return positions == null ? name : name + ":" + positions.of(location);
    }

    /** The node at a location ({@code #/a/b}); a missing node if there is none. */
    JsonNode at(String location) {
        if (!location.startsWith("#")) {
            return MissingNode.getInstance();
        }
        return root.at(location.substring(1));
    }

    /**
     * Follows local {@code $ref}s until a node that is not a reference; a missing node for a broken or
     * circular chain. In OpenAPI 3.0 a {@code $ref} replaces the whole object, so siblings are ignored.
     */
    JsonNode resolve(JsonNode node) {
        return node.isObject() && node.has("$ref") ? at(resolvedLocation("#", node)) : node;
    }

    /** Where {@code node} (found at {@code location}) really lives once its {@code $ref}s are followed. */
    String resolvedLocation(String location, JsonNode node) {
        String current = location;
        JsonNode target = node;
        Set<String> seen = new HashSet<>();
        while (target.isObject() && target.has("$ref")) {
            current = target.get("$ref").asText();
            if (!seen.add(current)) {
                return "#/circular-reference";
            }
            target = at(current);
        }
        return current;
    }

    String version() {
        return root.path("info").path("version").asText("");
    }

    /** Every operation, in document order. */
    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        root.path("paths").properties().forEach(path -> {
            for (String method : HTTP_METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    String pathLocation = child("#/paths", path.getKey());
                    operations.add(new Operation(path.getKey(), method, pathLocation, child(pathLocation, method),
                            operation));
                }
            }
        });
        return operations;
    }

    /** The location of a member of the node at {@code location}, escaping {@code ~} and {@code /}. */
    static String child(String location, String name) {
        return location + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    static String child(String location, int index) {
        return location + "/" + index;
    }

    /**
     * One operation of the document.
     *
     * @param path the path template, for example {@code /connections/{id}/directory-provisioning}
     * @param method the lower-case HTTP method
     * @param pathLocation the location of the path item
     * @param location the location of the operation
     * @param node the operation object
     */
    record Operation(String path, String method, String pathLocation, String location, JsonNode node) {

        /** How a reviewer names the operation: {@code PATCH /connections/{id}/directory-provisioning}. */
        String title() {
            return method.toUpperCase(java.util.Locale.ROOT) + " " + path;
        }
    }
}
