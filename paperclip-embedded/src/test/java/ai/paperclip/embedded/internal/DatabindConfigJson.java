package ai.paperclip.embedded.internal;

import ai.paperclip.embedded.ConfigurationException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The reading of {@code config.json} as it was before {@link ConfigJson} stopped using an {@code ObjectMapper}
 * ({@code readTree} after a streaming pass for the lines): the reference {@code ConfigJsonTreeTest} compares with.
 */
final class DatabindConfigJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DatabindConfigJson() {
    }

    static ConfigJson.Parsed read(Path file, byte[] bytes) {
        if (bytes == null || new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            return new ConfigJson.Parsed(MAPPER.createObjectNode(), Map.of());
        }
        Map<String, Integer> lines = keyLines(file, bytes);
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!(root instanceof ObjectNode object)) {
            throw new ConfigurationException(file + " line 1: the top level must be a JSON object ({...}),"
                    + " found " + root.getNodeType() + ". Fix the file; it is never rewritten to get past an error.");
        }
        return new ConfigJson.Parsed(object, Map.copyOf(lines));
    }

    private static Map<String, Integer> keyLines(Path file, byte[] bytes) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = MAPPER.createParser(bytes)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME) {
                    lines.put(dotted(parser), parser.currentTokenLocation().getLineNr());
                }
            }
            return lines;
        } catch (JsonProcessingException e) {
            String key = e.getProcessor() instanceof JsonParser p ? dotted(p) : "";
            String where = e.getLocation() == null ? "" : " line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            throw new ConfigurationException(file + where + (key.isEmpty() ? "" : ", key " + key)
                    + ": malformed JSON (" + e.getOriginalMessage().lines().findFirst().orElse("")
                    .replaceAll("'[^']{2,}'", "(token not shown)")
                    + "). Fix the file; it is never rewritten to get past an error.", e);
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String dotted(JsonParser parser) {
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        return pointer.isEmpty() ? "" : pointer.substring(1).replace('/', '.');
    }
}
