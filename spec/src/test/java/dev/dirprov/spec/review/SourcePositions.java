package dev.dirprov.spec.review;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each part of a YAML document starts, by JSON pointer, so a finding can name a line an editor opens:
 * {@code spec/openapi.yaml:1262:11}.
 *
 * <pre>{@code
 * SourcePositions positions = SourcePositions.parse(yamlText);
 * String at = positions.of("#/components/schemas/Foo/properties/bar");   // "1262:11"
 * }</pre>
 *
 * <p>A member's position is that of its key; an array item's, that of its value. A pointer the document
 * does not have takes the position of its nearest ancestor that it does have.
 */
final class SourcePositions {

    private final Map<String, String> positions;

    private SourcePositions(Map<String, String> positions) {
        this.positions = positions;
    }

    static SourcePositions parse(String yaml) {
        Map<String, String> positions = new HashMap<>();
        try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                JsonLocation location = parser.currentTokenLocation();
                positions.putIfAbsent("#" + parser.getParsingContext().pathAsPointer(),
                        location.getLineNr() + ":" + location.getColumnNr());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("not a YAML document", e);
        }
        return new SourcePositions(Map.copyOf(positions));
    }

    /** {@code LINE:COL} of the pointer, or of its nearest ancestor present in the document. */
    String of(String pointer) {
        String at = pointer;
        while (true) {
            String position = positions.get(at);
            if (position != null) {
                return position;
            }
            int slash = at.lastIndexOf('/');
            if (slash < 0) {
                return "1:1";
            }
            at = at.substring(0, slash);
        }
    }
}
