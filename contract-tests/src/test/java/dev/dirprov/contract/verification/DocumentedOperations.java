package dev.dirprov.contract.verification;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What the spec documents of each operation: its statuses, the fields a request can send (body properties
 * at every depth, query and header parameters) and the body fields of each response.
 *
 * <pre>{@code
 * for (DocumentedOperations.Operation operation : DocumentedOperations.of(spec)) {
 *   operation.statuses();      // {"200", "400", ...}
 *   operation.requestFields(); // [body mapping, body mapping[].auth0, ..., query take]
 * }
 * }</pre>
 *
 * <p>A field is named by its path: {@code mapping[].auth0} is the {@code auth0} of any item of
 * {@code mapping}. Local {@code $ref}s are followed; path parameters are not fields (every request names them).
 */
final class DocumentedOperations {

  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch",
      "trace");

  /**
   * A documented request or response field.
   *
   * @param in {@code body}, {@code query} or {@code header}
   * @param name the field's path, such as {@code mapping[].auth0}, or the parameter's name
   */
  record Field(String in, String name) implements Comparable<Field> {
    @Override
    public int compareTo(Field other) {
      int byPlace = in.compareTo(other.in);
      return byPlace != 0 ? byPlace : name.compareTo(other.name);
    }

    @Override
    public String toString() {
      return in + " " + name;
    }
  }

  /**
   * One documented operation.
   *
   * @param operationId its operationId
   * @param method the HTTP method, upper case
   * @param path the path template, such as {@code /connections/{id}/directory-provisioning}
   * @param requestFields every field a request can send
   * @param responseFields the body fields of each documented status, in the spec's order of statuses
   */
  record Operation(String operationId, String method, String path, SortedSet<Field> requestFields,
      Map<String, SortedSet<Field>> responseFields) {

    Set<String> statuses() {
      return responseFields.keySet();
    }

    /** Whether a request to {@code requestPath} with {@code requestMethod} is one of this operation. */
    boolean matches(String requestMethod, String requestPath) {
      return method.equalsIgnoreCase(requestMethod)
          && Pattern.matches(path.replaceAll("\\{[^}]+}", "[^/]+"), requestPath);
    }

    /** How the report and the gate name the operation. */
    String title() {
      return operationId + " (" + method + " " + path + ")";
    }
  }

  private DocumentedOperations() {
  }

  /** Every operation of a spec, in document order. */
  static List<Operation> of(JsonNode spec) {
    List<Operation> operations = new ArrayList<>();
    spec.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
      if (!METHODS.contains(entry.getKey())) {
        return;
      }
      JsonNode operation = entry.getValue();
      SortedSet<Field> request = new TreeSet<>();
      List<JsonNode> parameters = new ArrayList<>();
      path.getValue().path("parameters").forEach(parameters::add);
      operation.path("parameters").forEach(parameters::add);
      for (JsonNode parameter : parameters) {
        JsonNode resolved = resolve(spec, parameter);
        String in = resolved.path("in").asText();
        if (in.equals("query") || in.equals("header")) {
          request.add(new Field(in, resolved.path("name").asText()));
        }
      }
      bodyFields(spec, resolve(spec, operation.path("requestBody")), request);
      Map<String, SortedSet<Field>> responses = new LinkedHashMap<>();
      operation.path("responses").properties().forEach(response -> {
        SortedSet<Field> fields = new TreeSet<>();
        bodyFields(spec, resolve(spec, response.getValue()), fields);
        responses.put(response.getKey(), fields);
      });
      operations.add(new Operation(operation.path("operationId").asText(),
          entry.getKey().toUpperCase(Locale.ROOT), path.getKey(), request, responses));
    }));
    return operations;
  }

  /** The fields of the JSON schema of a request body or response, if it has one. */
  private static void bodyFields(JsonNode spec, JsonNode bodyOrResponse, Set<Field> fields) {
    for (Map.Entry<String, JsonNode> media : bodyOrResponse.path("content").properties()) {
      if (media.getKey().contains("json")) {
        Set<String> names = new TreeSet<>();
        schemaFields(spec, media.getValue().path("schema"), "", names, new HashSet<>());
        names.forEach(name -> fields.add(new Field("body", name)));
      }
    }
  }

  /** The paths of every property of a schema, at every depth. */
  private static void schemaFields(JsonNode spec, JsonNode schema, String prefix, Set<String> names,
      Set<String> refsOnPath) {
    String ref = schema.path("$ref").asText(null);
    if (ref != null && !refsOnPath.add(ref)) {
      return; // a recursive schema: its fields are named once, at the outer level
    }
    JsonNode resolved = resolve(spec, schema);
    for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
      resolved.path(combinator).forEach(part -> schemaFields(spec, part, prefix, names, refsOnPath));
    }
    resolved.path("properties").properties().forEach(property -> {
      String name = prefix.isEmpty() ? property.getKey() : prefix + "." + property.getKey();
      names.add(name);
      schemaFields(spec, property.getValue(), name, names, refsOnPath);
    });
    if (resolved.has("items")) {
      schemaFields(spec, resolved.get("items"), prefix + "[]", names, refsOnPath);
    }
    if (ref != null) {
      refsOnPath.remove(ref);
    }
  }

  /** The node a local {@code $ref} points to (followed until it is no reference), or the node itself. */
  static JsonNode resolve(JsonNode spec, JsonNode node) {
    JsonNode current = node;
    for (int depth = 0; current.has("$ref"); depth++) {
      String ref = current.get("$ref").asText();
      if (!ref.startsWith("#/") || depth > 32) {
        throw new IllegalStateException("cannot follow $ref " + ref + ": only local, non-circular references");
      }
      current = spec.at(ref.substring(1));
      if (current.isMissingNode()) {
        throw new IllegalStateException("$ref " + ref + " points to nothing in the spec");
      }
    }
    return current;
  }
}
