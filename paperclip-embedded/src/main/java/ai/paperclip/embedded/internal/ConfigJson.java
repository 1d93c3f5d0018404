package ai.paperclip.embedded.internal;

import ai.paperclip.embedded.ConfigurationException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/** Reading and writing {@code config.json} with the line of every key, for error messages. */
public final class ConfigJson {

    /** The most a {@code config.json} may hold: far more than any real one, far less than memory. */
    public static final int MAX_BYTES = 1024 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A parsed document and the line of each dotted key ({@code database.embeddedPostgresPort}). */
    public record Parsed(ObjectNode root, Map<String, Integer> lines) {
    }

    private ConfigJson() {
    }

    public static ObjectNode emptyObject() {
        return MAPPER.createObjectNode();
    }

    public static Parsed read(Path file) {
        byte[] bytes = BoundedFiles.read(file, MAX_BYTES, "a config.json");
        if (bytes == null || new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            return new Parsed(emptyObject(), Map.of());
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
        return new Parsed(object, Map.copyOf(lines));
    }

    /** One streaming pass: the syntax check with line and key, and the line of every key. */
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
                    + ": malformed JSON (" + withoutTokens(e.getOriginalMessage().lines().findFirst().orElse(""))
                    + "). Fix the file; it is never rewritten to get past an error.", e);
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    // Jackson quotes the offending token ("Unrecognized token 'postgres://app:secret...'"): an unquoted
    // connection string would be printed, password and all. Single characters are kept: they locate the error.
    private static String withoutTokens(String message) {
        return message.replaceAll("'[^']{2,}'", "(token not shown)");
    }

    private static String dotted(JsonParser parser) {
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        return pointer.isEmpty() ? "" : pointer.substring(1).replace('/', '.');
    }

    public static ObjectNode with(ObjectNode root, String dottedKey, Object value) {
        ObjectNode copy = root.deepCopy();
        String[] parts = dottedKey.split("\\.");
        ObjectNode node = copy;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (!(child instanceof ObjectNode)) {
                child = node.putObject(parts[i]);
            }
            node = (ObjectNode) child;
        }
        node.set(parts[parts.length - 1], MAPPER.valueToTree(value));
        return copy;
    }

    public static void write(ObjectNode root, Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".config-", ".json.tmp");
            try {
                Files.writeString(tmp, MAPPER.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new ConfigurationException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
