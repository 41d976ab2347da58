package dev.dirprov.spec.review;

import static dev.dirprov.spec.review.OpenApiTree.child;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of an OpenAPI 3.0 document the lint rules look at, each with its location: parameters, headers,
 * responses, media types and every schema, nested ones included. Parts written as a {@code $ref} are listed
 * once, where they are defined.
 *
 * <pre>{@code
 * for (SpecParts.SchemaAt schema : new SpecParts(spec).schemas()) { ... }
 * }</pre>
 */
final class SpecParts {

    /** Where a schema sits decides which description rule applies to it. */
    enum Role { COMPONENT, BODY, PROPERTY, NESTED }

    /** A part of the document and its location. */
    record Located(String location, JsonNode node) { }

    /** A schema, its location and its role. */
    record SchemaAt(String location, JsonNode node, Role role) { }

    private final OpenApiTree spec;
    private final JsonNode root;

    SpecParts(OpenApiTree spec) {
        this.spec = spec;
        this.root = spec.root();
    }

    List<Located> parameters() {
        List<Located> parameters = new ArrayList<>();
        members("#/components/parameters", parameters);
        root.path("paths").fieldNames().forEachRemaining(path -> {
            String pathAt = child("#/paths", path);
            inlineItems(child(pathAt, "parameters"), parameters);
            for (String method : OpenApiTree.HTTP_METHODS) {
                inlineItems(child(child(pathAt, method), "parameters"), parameters);
            }
        });
        return parameters;
    }

    List<Located> headers() {
        List<Located> headers = new ArrayList<>();
        members("#/components/headers", headers);
        for (Located response : responses()) {
            response.node().path("headers").fieldNames().forEachRemaining(name -> inline(
                    child(child(response.location(), "headers"), name), headers));
        }
        return headers;
    }

    List<Located> mediaTypes() {
        List<Located> owners = new ArrayList<>(responses());
        members("#/components/requestBodies", owners);
        spec.operations().forEach(operation -> inline(child(operation.location(), "requestBody"), owners));
        List<Located> mediaTypes = new ArrayList<>();
        for (Located owner : owners) {
            owner.node().path("content").fieldNames().forEachRemaining(type -> mediaTypes.add(
                    new Located(child(child(owner.location(), "content"), type),
                            owner.node().path("content").get(type))));
        }
        return mediaTypes;
    }

    List<Located> responses() {
        List<Located> responses = new ArrayList<>();
        members("#/components/responses", responses);
        spec.operations().forEach(operation -> operation.node().path("responses").fieldNames()
                .forEachRemaining(code -> inline(child(child(operation.location(), "responses"), code),
                        responses)));
        return responses;
    }

    List<SchemaAt> schemas() {
        List<SchemaAt> schemas = new ArrayList<>();
        root.path("components").path("schemas").properties().forEach(schema -> collect(
                child("#/components/schemas", schema.getKey()), schema.getValue(), Role.COMPONENT, schemas));
        for (Located mediaType : mediaTypes()) {
            if (mediaType.node().has("schema")) {
                collect(child(mediaType.location(), "schema"), mediaType.node().get("schema"), Role.BODY,
                        schemas);
            }
        }
        List<Located> others = new ArrayList<>(parameters());
        others.addAll(headers());
        for (Located other : others) {
            if (other.node().has("schema")) {
                collect(child(other.location(), "schema"), other.node().get("schema"), Role.NESTED, schemas);
            }
        }
        return schemas;
    }

    private void collect(String location, JsonNode schema, Role role, List<SchemaAt> schemas) {
        schemas.add(new SchemaAt(location, schema, role));
        if (!schema.isObject() || schema.has("$ref")) {
            return;
        }
        schema.path("properties").properties().forEach(property -> collect(
                child(child(location, "properties"), property.getKey()), property.getValue(), Role.PROPERTY,
                schemas));
        if (schema.has("items")) {
            collect(child(location, "items"), schema.get("items"), Role.NESTED, schemas);
        }
        if (schema.path("additionalProperties").isObject()) {
            collect(child(location, "additionalProperties"), schema.get("additionalProperties"), Role.NESTED,
                    schemas);
        }
        for (String composition : List.of("allOf", "anyOf", "oneOf")) {
            JsonNode parts = schema.path(composition);
            for (int i = 0; i < parts.size(); i++) {
                collect(child(child(location, composition), i), parts.get(i), Role.NESTED, schemas);
            }
        }
        if (schema.has("not")) {
            collect(child(location, "not"), schema.get("not"), Role.NESTED, schemas);
        }
    }

    /** Each member of the map at {@code location}, by its own location. */
    private void members(String location, List<Located> into) {
        spec.at(location).properties().forEach(member -> into.add(
                new Located(child(location, member.getKey()), member.getValue())));
    }

    /** Each item of the array at {@code location} that is written in place (references are checked where they point). */
    private void inlineItems(String location, List<Located> into) {
        JsonNode items = spec.at(location);
        for (int i = 0; i < items.size(); i++) {
            inline(child(location, i), into);
        }
    }

    private void inline(String location, List<Located> into) {
        JsonNode node = spec.at(location);
        if (node.isObject() && !node.has("$ref")) {
            into.add(new Located(location, node));
        }
    }
}
