package dev.dirprov.spec.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Validates example values against the schemas of one OpenAPI 3.0 document, with networknt's OpenAPI 3.0
 * dialect ({@code nullable}, {@code format} assertions such as {@code date-time}, {@code additionalProperties}).
 *
 * <p>The whole document is registered as one schema resource, so a schema anywhere in it (a component, a
 * media type's inline schema, a parameter's schema) is addressed by its location and its {@code $ref}s resolve.
 *
 * <pre>{@code
 * List<String> errors = new ExampleValidator(spec).validate("#/components/schemas/Foo", exampleNode);
 * }</pre>
 */
final class ExampleValidator {

    private static final String DOCUMENT_IRI = "urn:dirprov:openapi";

    private final SchemaRegistry registry;

    ExampleValidator(OpenApiTree spec) {
        String json;
        try {
            json = new ObjectMapper().writeValueAsString(spec.root());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(),
                builder -> builder.schemas(Map.of(DOCUMENT_IRI, json)));
    }

    /** The validator's messages for {@code value} against the schema at {@code schemaLocation}; empty if valid. */
    List<String> validate(String schemaLocation, JsonNode value) {
        Schema schema = registry.getSchema(SchemaLocation.of(DOCUMENT_IRI + encodeFragment(schemaLocation)));
        return schema.validate(value).stream().map(Error::toString).toList();
    }

    /** Percent-encodes what a URI fragment cannot hold, such as the braces of a path template. */
    private static String encodeFragment(String location) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : location.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "#-._~/!$&'()*+,;=:@".indexOf(c) >= 0)) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }
}
