package dev.dirprov.spec.review;

import static dev.dirprov.spec.review.OpenApiTree.child;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The spec's style and correctness rules, at least as strict as Spectral's {@code spectral:oas} essentials,
 * plus the API's own naming conventions. Every finding names its rule and its location.
 *
 * <pre>{@code
 * OpenApiTree spec = OpenApiTree.read(specFile, "spec/openapi.yaml");
 * List<Finding> findings = new SpecLinter(SpecLinter.AUTH0_WIRE_NAMES).lint(spec);
 * System.out.print(SpecLinter.describe(findings, spec));
 * }</pre>
 *
 * <p>Rules (ids as reported): {@code info-description}, {@code info-contact}, {@code info-license},
 * {@code servers}, {@code openapi-tags}, {@code tag-description}, {@code operation-operationId},
 * {@code operation-operationId-unique}, {@code operation-operationId-valid-in-url},
 * {@code operation-parameters-unique},
 * {@code operation-summary}, {@code operation-description}, {@code operation-tags},
 * {@code operation-tag-defined}, {@code operation-success-response}, {@code operation-security-defined},
 * {@code path-kebab-case}, {@code path-params}, {@code parameter-description}, {@code header-description},
 * {@code schema-description}, {@code property-description}, {@code property-snake-case},
 * {@code naming-exception-unused}, {@code array-items}, {@code enum-values}, {@code no-ref-siblings},
 * {@code media-type-example},
 * {@code example-valid}, {@code component-unused}, {@code description-safe-markdown}. Structural validity
 * against the OpenAPI 3.0 schema is checked earlier in the build, by openapi-generator's validation.
 */
final class SpecLinter {

    /**
     * Properties exempt from {@code property-snake-case}, by location, each with its reason. Auth0's error body
     * is camelCase on the wire; renaming it here would describe an API that does not exist. An entry that
     * matches no property is itself a finding ({@code naming-exception-unused}), so the list cannot go stale.
     */
    static final Map<String, String> AUTH0_WIRE_NAMES = Map.of(
            "#/components/schemas/ErrorResponse/properties/statusCode",
            "Auth0's error body carries the HTTP status as statusCode",
            "#/components/schemas/ErrorResponse/properties/errorCode",
            "Auth0's error body carries its machine-readable code as errorCode");

    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
    private static final Pattern KEBAB_CASE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=]+");
    private static final Pattern PATH_TEMPLATE = Pattern.compile("\\{([^{}]+)}");
    private static final Pattern LOCAL_COMPONENT_REF = Pattern.compile("#/components/([^/]+)/([^/]+)");
    private static final List<String> COMPONENT_TYPES = List.of(
            "schemas", "responses", "parameters", "examples", "requestBodies", "headers", "links", "callbacks");
    private static final List<Map.Entry<Pattern, String>> UNSAFE_MARKDOWN = List.of(
            Map.entry(Pattern.compile("(?i)<script"), "contains a <script> tag"),
            Map.entry(Pattern.compile("(?i)\\beval\\s*\\("), "contains eval("),
            Map.entry(Pattern.compile("!\\[[^]]*]\\(\\s*(https?:)?//"), "embeds an image from the network"),
            Map.entry(Pattern.compile("(?i)<(img|iframe|link|embed|object|audio|video|source)\\b[^>]*"
                    + "\\b(src|href|data)\\s*=\\s*[\"']?(https?:)?//"), "loads a resource from the network"));
    /** Keys whose values are data, not OpenAPI objects: never walked for rules about the document's shape. */
    private static final Set<String> DATA_KEYS = Set.of("example", "value", "default", "enum");

    private final Map<String, String> namingExceptions;

    /** @param namingExceptions property locations exempt from snake_case, each with the reason */
    SpecLinter(Map<String, String> namingExceptions) {
        this.namingExceptions = Map.copyOf(namingExceptions);
    }

    /** Every finding in the document; empty when it is clean. */
    List<Finding> lint(OpenApiTree spec) {
        return new Run(spec).findings();
    }

    /** One lint of one document: the document, its collected parts and the findings so far. */
    private final class Run {

        private final OpenApiTree spec;
        private final JsonNode root;
        private final SpecParts parts;
        private final List<Finding> findings = new ArrayList<>();

        Run(OpenApiTree spec) {
            this.spec = spec;
            this.root = spec.root();
            this.parts = new SpecParts(spec);
        }

        List<Finding> findings() {
            checkInfo();
            checkServers();
            checkTags();
            checkOperations();
            checkPaths();
            parts.parameters().forEach(this::checkParameter);
            parts.headers().forEach(this::checkHeader);
            checkSchemas();
            checkMediaTypeExamples();
            checkExamples();
            checkUnusedComponents();
            walk("#", root, false);
            return List.copyOf(findings);
        }

        private void report(String location, String rule, String message) {
            findings.add(new Finding(location, rule, message));
        }

        private void requireText(JsonNode node, String field, String location, String rule, String what) {
            if (node.path(field).asText("").isBlank()) {
                report(location, rule, what + " has no " + field);
            }
        }

        private void checkInfo() {
            JsonNode info = root.path("info");
            requireText(info, "description", "#/info", "info-description", "info");
            if (!info.path("contact").isObject()) {
                report("#/info", "info-contact", "info has no contact");
            }
            if (info.path("license").path("name").asText("").isBlank()) {
                report("#/info", "info-license", "info has no license name");
            } else if (info.path("license").path("url").asText("").isBlank()) {
                report("#/info/license", "info-license", "license has no url");
            }
        }

        private void checkServers() {
            JsonNode servers = root.path("servers");
            if (servers.isEmpty()) {
                report("#", "servers", "the document declares no servers");
            }
            for (int i = 0; i < servers.size(); i++) {
                String at = child("#/servers", i);
                String url = servers.get(i).path("url").asText("");
                if (url.endsWith("/")) {
                    report(at, "servers", "server url '" + url + "' ends with a slash");
                }
                JsonNode variables = servers.get(i).path("variables");
                Set<String> templated = new HashSet<>();
                Matcher names = PATH_TEMPLATE.matcher(url);
                while (names.find()) {
                    templated.add(names.group(1));
                    if (!variables.has(names.group(1))) {
                        report(at, "servers", "server variable '" + names.group(1) + "' is not defined");
                    }
                }
                variables.fieldNames().forEachRemaining(name -> {
                    if (!templated.contains(name)) {
                        report(child(child(at, "variables"), name), "servers",
                                "server variable '" + name + "' does not appear in the url");
                    }
                });
            }
        }

        private void checkTags() {
            JsonNode tags = root.path("tags");
            if (tags.isEmpty()) {
                report("#", "openapi-tags", "the document declares no tags");
            }
            Set<String> names = new HashSet<>();
            for (int i = 0; i < tags.size(); i++) {
                if (!names.add(tags.get(i).path("name").asText())) {
                    report(child("#/tags", i), "openapi-tags",
                            "tag '" + tags.get(i).path("name").asText() + "' is declared twice");
                }
                requireText(tags.get(i), "description", child("#/tags", i), "tag-description",
                        "tag '" + tags.get(i).path("name").asText() + "'");
            }
        }

        private void checkOperations() {
            Set<String> definedTags = new HashSet<>();
            root.path("tags").forEach(tag -> definedTags.add(tag.path("name").asText()));
            Set<String> schemes = new HashSet<>();
            root.path("components").path("securitySchemes").fieldNames().forEachRemaining(schemes::add);
            checkSecurity(root.path("security"), "#/security", schemes);

            Map<String, String> operationIds = new HashMap<>();
            for (OpenApiTree.Operation operation : spec.operations()) {
                JsonNode node = operation.node();
                String at = operation.location();
                String operationId = node.path("operationId").asText("");
                if (operationId.isBlank()) {
                    report(at, "operation-operationId", operation.title() + " has no operationId");
                } else if (operationIds.putIfAbsent(operationId, at) != null) {
                    report(at, "operation-operationId-unique",
                            "operationId '" + operationId + "' is also used at " + operationIds.get(operationId));
                }
                if (!operationId.isBlank() && !URL_SAFE.matcher(operationId).matches()) {
                    report(at, "operation-operationId-valid-in-url",
                            "operationId '" + operationId + "' has characters that are not valid in a URL");
                }
                checkParametersAreUnique(operation);
                requireText(node, "summary", at, "operation-summary", operation.title());
                requireText(node, "description", at, "operation-description", operation.title());
                if (node.path("tags").isEmpty()) {
                    report(at, "operation-tags", operation.title() + " has no tag");
                }
                JsonNode tags = node.path("tags");
                for (int i = 0; i < tags.size(); i++) {
                    if (!definedTags.contains(tags.get(i).asText())) {
                        report(child(child(at, "tags"), i), "operation-tag-defined",
                                "tag '" + tags.get(i).asText() + "' is not declared in the top-level tags");
                    }
                }
                boolean succeeds = false;
                for (var codes = node.path("responses").fieldNames(); codes.hasNext(); ) {
                    String code = codes.next();
                    succeeds |= code.startsWith("2") || code.startsWith("3");
                }
                if (!succeeds) {
                    report(child(at, "responses"), "operation-success-response",
                            operation.title() + " documents no 2xx or 3xx response");
                }
                checkSecurity(node.path("security"), child(at, "security"), schemes);
            }
        }

        private void checkParametersAreUnique(OpenApiTree.Operation operation) {
            for (String owner : List.of(operation.pathLocation(), operation.location())) {
                Set<String> seen = new HashSet<>();
                JsonNode parameters = spec.at(owner).path("parameters");
                for (int i = 0; i < parameters.size(); i++) {
                    JsonNode parameter = spec.resolve(parameters.get(i));
                    String key = parameter.path("in").asText() + " parameter '" + parameter.path("name").asText() + "'";
                    if (!seen.add(key)) {
                        report(child(child(owner, "parameters"), i), "operation-parameters-unique",
                                key + " is declared twice");
                    }
                }
            }
        }

        private void checkSecurity(JsonNode requirements, String location, Set<String> schemes) {
            for (int i = 0; i < requirements.size(); i++) {
                String at = child(location, i);
                requirements.get(i).fieldNames().forEachRemaining(name -> {
                    if (!schemes.contains(name)) {
                        report(at, "operation-security-defined",
                                "security scheme '" + name + "' is not defined in components.securitySchemes");
                    }
                });
            }
        }

        private void checkPaths() {
            root.path("paths").fieldNames().forEachRemaining(path -> {
                String at = child("#/paths", path);
                if (path.length() > 1 && path.endsWith("/")) {
                    report(at, "path-kebab-case", "path '" + path + "' ends with a slash");
                }
                for (String segment : path.split("/")) {
                    if (!segment.isEmpty() && !PATH_TEMPLATE.matcher(segment).matches()
                            && !KEBAB_CASE.matcher(segment).matches()) {
                        report(at, "path-kebab-case", "path segment '" + segment + "' is not kebab-case");
                    }
                }
            });
            for (OpenApiTree.Operation operation : spec.operations()) {
                checkPathParameters(operation);
            }
        }

        private void checkPathParameters(OpenApiTree.Operation operation) {
            Set<String> templated = new LinkedHashSet<>();
            Matcher names = PATH_TEMPLATE.matcher(operation.path());
            while (names.find()) {
                templated.add(names.group(1));
            }
            Set<String> declared = new LinkedHashSet<>();
            for (String owner : List.of(operation.pathLocation(), operation.location())) {
                JsonNode parameters = spec.at(owner).path("parameters");
                for (int i = 0; i < parameters.size(); i++) {
                    JsonNode parameter = spec.resolve(parameters.get(i));
                    if ("path".equals(parameter.path("in").asText())) {
                        String name = parameter.path("name").asText();
                        declared.add(name);
                        if (!templated.contains(name)) {
                            report(child(child(owner, "parameters"), i), "path-params",
                                    "path parameter '" + name + "' does not appear in " + operation.path());
                        } else if (!parameter.path("required").asBoolean(false)) {
                            report(child(child(owner, "parameters"), i), "path-params",
                                    "path parameter '" + name + "' is not marked required");
                        }
                    }
                }
            }
            for (String name : templated) {
                if (!declared.contains(name)) {
                    report(operation.location(), "path-params",
                            operation.title() + " does not declare its path parameter '" + name + "'");
                }
            }
        }

        private void checkParameter(SpecParts.Located parameter) {
            requireText(parameter.node(), "description", parameter.location(), "parameter-description",
                    "parameter '" + parameter.node().path("name").asText() + "'");
        }

        private void checkHeader(SpecParts.Located header) {
            requireText(header.node(), "description", header.location(), "header-description", "header");
        }

        private void checkSchemas() {
            Set<String> propertyLocations = new HashSet<>();
            for (SpecParts.SchemaAt schema : parts.schemas()) {
                JsonNode node = schema.node();
                String at = schema.location();
                boolean isReference = node.has("$ref");
                switch (schema.role()) {
                    case COMPONENT, BODY -> {
                        if (!isReference) {
                            requireText(node, "description", at, "schema-description", "schema");
                        }
                    }
                    case PROPERTY -> {
                        propertyLocations.add(at);
                        if (!isReference) {
                            requireText(node, "description", at, "property-description", "property");
                        }
                        String name = at.substring(at.lastIndexOf('/') + 1);
                        if (!SNAKE_CASE.matcher(name).matches() && !namingExceptions.containsKey(at)) {
                            report(at, "property-snake-case", "property name '" + name
                                    + "' is not snake_case (if it is the vendor's wire format, add it to the"
                                    + " documented exceptions in SpecLinter.AUTH0_WIRE_NAMES)");
                        }
                    }
                    default -> { }
                }
                if ("array".equals(node.path("type").asText()) && !node.has("items")) {
                    report(at, "array-items", "array schema has no items");
                }
                checkEnum(at, node);
            }
            namingExceptions.keySet().stream().sorted().filter(at -> !propertyLocations.contains(at))
                    .forEach(at -> report(at, "naming-exception-unused",
                            "naming exception matches no property; remove it"));
        }

        private void checkEnum(String at, JsonNode schema) {
            JsonNode values = schema.path("enum");
            String type = schema.path("type").asText("");
            Set<JsonNode> seen = new HashSet<>();
            for (int i = 0; i < values.size(); i++) {
                JsonNode value = values.get(i);
                if (!seen.add(value)) {
                    report(child(child(at, "enum"), i), "enum-values", "enum value " + value + " is listed twice");
                }
                boolean typed = switch (type) {
                    case "string" -> value.isTextual();
                    case "integer" -> value.isIntegralNumber();
                    case "number" -> value.isNumber();
                    case "boolean" -> value.isBoolean();
                    default -> true;
                };
                if (!typed && !(value.isNull() && schema.path("nullable").asBoolean(false))) {
                    report(child(child(at, "enum"), i), "enum-values", "enum value " + value + " is not of type " + type);
                }
            }
        }

        private void checkMediaTypeExamples() {
            for (SpecParts.Located mediaType : parts.mediaTypes()) {
                JsonNode node = mediaType.node();
                if (!node.has("example") && node.path("examples").isEmpty()) {
                    report(mediaType.location(), "media-type-example", "media type has no example");
                }
            }
        }

        private void checkExamples() {
            ExampleValidator validator = new ExampleValidator(spec);
            List<SpecParts.Located> withSchema = new ArrayList<>(parts.mediaTypes());
            withSchema.addAll(parts.parameters());
            withSchema.addAll(parts.headers());
            for (SpecParts.Located holder : withSchema) {
                if (holder.node().has("schema")) {
                    String schemaAt = child(holder.location(), "schema");
                    if (holder.node().has("example")) {
                        checkExample(validator, schemaAt, child(holder.location(), "example"),
                                holder.node().get("example"));
                    }
                    holder.node().path("examples").properties().forEach(example -> checkExampleObject(
                            validator, schemaAt, child(child(holder.location(), "examples"), example.getKey()),
                            example.getValue()));
                }
            }
            for (SpecParts.SchemaAt schema : parts.schemas()) {
                if (schema.node().has("example") && !schema.node().has("$ref")) {
                    checkExample(validator, schema.location(), child(schema.location(), "example"),
                            schema.node().get("example"));
                }
            }
        }

        private void checkExampleObject(ExampleValidator validator, String schemaAt, String at, JsonNode example) {
            String exampleAt = spec.resolvedLocation(at, example);
            JsonNode resolved = spec.at(exampleAt);
            if (resolved.has("value") == resolved.has("externalValue")) {
                report(exampleAt, "example-valid", "example must have exactly one of value and externalValue");
            } else if (resolved.has("externalValue")) {
                report(exampleAt, "example-valid", "externalValue cannot be checked by the build; inline the value");
            } else {
                checkExample(validator, schemaAt, child(exampleAt, "value"), resolved.get("value"));
            }
        }

        private void checkExample(ExampleValidator validator, String schemaAt, String at, JsonNode value) {
            for (String error : validator.validate(schemaAt, value)) {
                report(at, "example-valid", "example does not match the schema at " + schemaAt + ": " + error);
            }
        }

        /** Components that no path, security requirement or used component reaches are dead weight. */
        private void checkUnusedComponents() {
            Set<String> used = new HashSet<>();
            Deque<JsonNode> pending = new ArrayDeque<>();
            root.properties().forEach(member -> {
                if (!"components".equals(member.getKey())) {
                    pending.add(member.getValue());
                }
            });
            while (!pending.isEmpty()) {
                JsonNode node = pending.pop();
                if (node.isObject() && node.path("$ref").isTextual()) {
                    String ref = node.get("$ref").asText();
                    if (LOCAL_COMPONENT_REF.matcher(ref).matches() && used.add(ref)) {
                        pending.add(spec.at(ref));
                    }
                }
                node.forEach(pending::add);
            }
            for (String type : COMPONENT_TYPES) {
                root.path("components").path(type).fieldNames().forEachRemaining(name -> {
                    String at = child(child("#/components", type), name);
                    if (!used.contains(at)) {
                        report(at, "component-unused", "component is never referenced");
                    }
                });
            }
            Set<String> usedSchemes = new HashSet<>();
            List<JsonNode> requirements = new ArrayList<>();
            root.path("security").forEach(requirements::add);
            spec.operations().forEach(operation -> operation.node().path("security").forEach(requirements::add));
            requirements.forEach(requirement -> requirement.fieldNames().forEachRemaining(usedSchemes::add));
            root.path("components").path("securitySchemes").fieldNames().forEachRemaining(name -> {
                if (!usedSchemes.contains(name)) {
                    report(child("#/components/securitySchemes", name), "component-unused",
                            "security scheme is never required");
                }
            });
        }

        /**
         * Rules about the document's shape that hold everywhere: {@code $ref} stands alone, and descriptions
         * neither run script nor load anything from the network when rendered. Example data is not walked.
         */
        private void walk(String location, JsonNode node, boolean namesAreKeys) {
            if (node.isObject()) {
                if (node.has("$ref") && node.size() > 1) {
                    report(location, "no-ref-siblings", "$ref has siblings, which OpenAPI 3.0 ignores");
                }
                node.properties().forEach(member -> {
                    String key = member.getKey();
                    JsonNode value = member.getValue();
                    if (!namesAreKeys && "description".equals(key) && value.isTextual()) {
                        checkMarkdown(child(location, key), value.asText());
                    }
                    if (namesAreKeys || !(DATA_KEYS.contains(key) || key.startsWith("x-"))) {
                        walk(child(location, key), value, !namesAreKeys && "properties".equals(key));
                    }
                });
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    walk(child(location, i), node.get(i), false);
                }
            }
        }

        private void checkMarkdown(String location, String text) {
            for (Map.Entry<Pattern, String> unsafe : UNSAFE_MARKDOWN) {
                if (unsafe.getKey().matcher(text).find()) {
                    report(location, "description-safe-markdown", "description " + unsafe.getValue());
                }
            }
        }

    }

    /**
     * The findings one per line, as the build log and {@code target/lint-findings.txt} show them, each
     * starting where an editor opens it: {@code spec/openapi.yaml:1241:7 <pointer> [rule] message}.
     */
    static String describe(List<Finding> findings, OpenApiTree spec) {
        StringBuilder text = new StringBuilder();
        findings.forEach(finding -> text.append(spec.where(finding.location())).append(' ').append(finding)
                .append('\n'));
        return findings.isEmpty() ? "No lint findings.\n" : text.toString();
    }
}
