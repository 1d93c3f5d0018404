package ai.paperclip.embedded.internal;

import ai.paperclip.embedded.ConfigurationException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Reading and writing {@code config.json} with the line of every key, for error messages.
 *
 * <p>Reading, which every start does, uses Jackson's streaming parser and builds the same tree
 * {@code ObjectMapper.readTree} builds (the same node classes, numbers typed as its {@code JsonNodeDeserializer}
 * types them, the last of duplicate keys winning) in the one pass that also records the lines: an
 * {@code ObjectMapper} would load about 400 classes more (a fifth of a warm start's class loading) to read a
 * file of a few lines. Syntax errors are the parser's own, so their messages are what they were.
 * {@code ConfigJsonTreeTest} compares both over generated documents, malformed ones included. Writing, which
 * is rare, keeps the {@code ObjectMapper}, created on first use.
 */
public final class ConfigJson {

    /** The most a {@code config.json} may hold: far more than any real one, far less than memory. */
    public static final int MAX_BYTES = 1024 * 1024;

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The mapper for writing, loaded only when a file is written. */
    private static final class Writing {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** A parsed document and the line of each dotted key ({@code database.embeddedPostgresPort}). */
    public record Parsed(ObjectNode root, Map<String, Integer> lines) {
    }

    private ConfigJson() {
    }

    public static ObjectNode emptyObject() {
        return NODES.objectNode();
    }

    public static Parsed read(Path file) {
        byte[] bytes = BoundedFiles.read(file, MAX_BYTES, "a config.json");
        if (bytes == null || new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            return new Parsed(emptyObject(), Map.of());
        }
        Map<String, Integer> lines = new HashMap<>();
        JsonNode root;
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            root = parser.nextToken() == null ? MissingNode.getInstance() : value(parser, lines);
            // What follows the first value is only checked, as a syntax check of the whole file.
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME) {
                    lines.put(dotted(parser), parser.currentTokenLocation().getLineNr());
                }
            }
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
        if (!(root instanceof ObjectNode object)) {
            throw new ConfigurationException(file + " line 1: the top level must be a JSON object ({...}),"
                    + " found " + root.getNodeType() + ". Fix the file; it is never rewritten to get past an error.");
        }
        return new Parsed(object, Map.copyOf(lines));
    }

    /** The value at the parser's current token, as {@code readTree} builds it; records the line of every key. */
    private static JsonNode value(JsonParser parser, Map<String, Integer> lines) throws IOException {
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    lines.put(dotted(parser), parser.currentTokenLocation().getLineNr());
                    parser.nextToken();
                    object.replace(name, value(parser, lines));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser, lines));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(parser.getDoubleValue());
            }
            case VALUE_TRUE -> {
                return NODES.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return NODES.booleanNode(false);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new JsonParseException(parser, "Unexpected token " + parser.currentToken());
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
        node.set(parts[parts.length - 1], Writing.MAPPER.valueToTree(value));
        return copy;
    }

    public static void write(ObjectNode root, Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".config-", ".json.tmp");
            try {
                Files.writeString(tmp, Writing.MAPPER.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new ConfigurationException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
