package dev.dirprov.contract.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds every example in the spec packaged by dirprov-spec and validates it against the schema it
 * illustrates, with networknt's validator in the OpenAPI 3.0 dialect (an engine independent of the one
 * that validates the pacts).
 *
 * <pre>{@code
 * SpecExamples spec = SpecExamples.ofPublishedSpec();
 * for (SpecExamples.Example example : spec.examples()) {
 *   List<Error> errors = spec.validate(example.value(), example.schemaPointer());
 * }
 * }</pre>
 *
 * <p>Examples are those of request bodies, responses, parameters and headers ({@code example} and each
 * {@code examples.*.value}), and the {@code example} of every schema and property.
 */
final class SpecExamples {

  static final String SPEC_RESOURCE = "dirprov/openapi.yaml";

  /**
   * One example.
   *
   * @param pointer JSON pointer of the example in the spec
   * @param value the example
   * @param schemaPointer JSON pointer of the schema it must satisfy
   */
  record Example(String pointer, JsonNode value, String schemaPointer) {
    @Override
    public String toString() {
      return pointer;
    }
  }

  private final JsonNode spec;
  private final SchemaRegistry registry;

  private SpecExamples(JsonNode spec) {
    this.spec = spec;
    this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(), builder -> builder
        .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
  }

  static SpecExamples ofPublishedSpec() {
    try (InputStream in = SpecExamples.class.getClassLoader().getResourceAsStream(SPEC_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(SPEC_RESOURCE + " is not on the test classpath: depend on dirprov-spec");
      }
      return new SpecExamples(new ObjectMapper(new YAMLFactory()).readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode spec() {
    return spec;
  }

  /** Every example of the spec, in document order. */
  List<Example> examples() {
    List<Example> examples = new ArrayList<>();
    findExamplesBesideSchemas(spec, "", examples);
    spec.path("components").path("schemas").properties()
        .forEach(schema -> findSchemaExamples(schema.getValue(),
            "/components/schemas/" + escape(schema.getKey()), examples));
    return examples;
  }

  /** The errors of a value against the schema at a pointer of the spec; none when it is valid. */
  List<Error> validate(JsonNode value, String schemaPointer) {
    Schema schema = registry.getSchema(SchemaLocation.of("classpath:" + SPEC_RESOURCE + "#" + uriFragment(schemaPointer)));
    return schema.validate(value);
  }

  /** Media types, parameters and headers: the nodes that carry a {@code schema} and examples of it. */
  private static void findExamplesBesideSchemas(JsonNode node, String pointer, List<Example> examples) {
    if (node.isObject() && node.has("schema") && node.get("schema").isObject()) {
      JsonNode schema = node.get("schema");
      String schemaPointer = schema.has("$ref") ? refPointer(schema.get("$ref").asText()) : pointer + "/schema";
      if (node.has("example")) {
        examples.add(new Example(pointer + "/example", node.get("example"), schemaPointer));
      }
      for (Map.Entry<String, JsonNode> named : node.path("examples").properties()) {
        String examplePointer = pointer + "/examples/" + escape(named.getKey());
        if (!named.getValue().has("value")) {
          throw new IllegalStateException(examplePointer + " has no inline value; only inline examples are checked");
        }
        examples.add(new Example(examplePointer, named.getValue().get("value"), schemaPointer));
      }
      if (!schema.has("$ref")) {
        findSchemaExamples(schema, pointer + "/schema", examples);
      }
    }
    if (node.isContainerNode()) {
      if (node.isObject()) {
        for (Map.Entry<String, JsonNode> child : node.properties()) {
          if (!child.getKey().equals("schema") && !child.getKey().equals("schemas")) {
            findExamplesBesideSchemas(child.getValue(), pointer + "/" + escape(child.getKey()), examples);
          }
        }
      } else {
        for (int i = 0; i < node.size(); i++) {
          findExamplesBesideSchemas(node.get(i), pointer + "/" + i, examples);
        }
      }
    }
  }

  /** The {@code example} of a schema and of every schema inside it. */
  private static void findSchemaExamples(JsonNode schema, String pointer, List<Example> examples) {
    if (!schema.isObject() || schema.has("$ref")) {
      return;
    }
    if (schema.has("example")) {
      examples.add(new Example(pointer + "/example", schema.get("example"), pointer));
    }
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      findSchemaExamples(property.getValue(), pointer + "/properties/" + escape(property.getKey()), examples);
    }
    for (String single : List.of("items", "additionalProperties", "not")) {
      findSchemaExamples(schema.path(single), pointer + "/" + single, examples);
    }
    for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
      JsonNode parts = schema.path(combinator);
      for (int i = 0; i < parts.size(); i++) {
        findSchemaExamples(parts.get(i), pointer + "/" + combinator + "/" + i, examples);
      }
    }
  }

  private static String refPointer(String ref) {
    if (!ref.startsWith("#/")) {
      throw new IllegalStateException("only local references are supported, but found " + ref);
    }
    return ref.substring(1);
  }

  /** RFC 6901 escaping of one token of a JSON pointer. */
  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  /** A JSON pointer as a URI fragment: the braces of path templates are not allowed there as they are. */
  private static String uriFragment(String pointer) {
    return pointer.replace("%", "%25").replace("{", "%7B").replace("}", "%7D").replace(" ", "%20");
  }
}
