package ai.paperclip.schema.migration.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code meta/_journal.json} with Jackson's streaming parser instead of an {@code ObjectMapper}.
 * Every start of an application reads the journal (the migration check compares it with the database's
 * history), and creating the first {@code ObjectMapper} of a JVM loads some 400 classes, a measurable part of
 * a warm start, for a file of a few lines. Writing journals (the generator, rare) keeps the mapper.
 *
 * <p>It accepts what the mapper accepts for the journal's types, strictly typed (no coercion of {@code "3"} to
 * a number), and refuses unknown properties as the mapper is configured to. {@code JournalJsonTest} compares both
 * over generated journals. Errors are {@link IllegalArgumentException}s naming the line and column, worded as
 * {@code SchemaJson}'s.
 */
public final class JournalJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JournalJson() {
    }

    /**
     * Parses a journal.
     *
     * @throws IllegalArgumentException naming the line and column when the JSON is malformed or not a journal
     */
    public static Journal read(String json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() == null) {
                throw new JsonParseException(parser, "No content: the file is empty");
            }
            Journal journal = journal(parser);
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "Trailing content after the journal object");
            }
            return journal;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new IllegalArgumentException("Malformed schema JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the journal: " + e.getMessage(), e);
        }
    }

    private static Journal journal(JsonParser parser) throws IOException {
        expect(parser, JsonToken.START_OBJECT, "the journal");
        int version = 0;
        List<Journal.Entry> migrations = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            switch (name) {
                case "version" -> version = integer(parser, name);
                case "migrations" -> migrations = entries(parser);
                default -> throw unknown(parser, name, "the journal", "migrations, version");
            }
        }
        return new Journal(version, migrations);
    }

    private static List<Journal.Entry> entries(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(parser, JsonToken.START_ARRAY, "\"migrations\"");
        List<Journal.Entry> entries = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            entries.add(entry(parser));
        }
        return entries;
    }

    private static Journal.Entry entry(JsonParser parser) throws IOException {
        expect(parser, JsonToken.START_OBJECT, "a migration entry");
        int idx = 0;
        String tag = null;
        boolean custom = false;
        String sha256 = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "idx" -> idx = integer(parser, name);
                case "tag" -> tag = text(parser, name);
                case "sha256" -> sha256 = text(parser, name);
                case "custom" -> {
                    if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
                        throw wrongType(parser, name, "true or false");
                    }
                    custom = value == JsonToken.VALUE_TRUE;
                }
                default -> throw unknown(parser, name, "a migration entry", "custom, idx, sha256, tag");
            }
        }
        return new Journal.Entry(idx, tag, custom, sha256);
    }

    private static int integer(JsonParser parser, String name) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw wrongType(parser, name, "a whole number");
        }
        if (parser.getNumberType() != JsonParser.NumberType.INT) {
            throw wrongType(parser, name, "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
        }
        return parser.getIntValue();
    }

    private static String text(JsonParser parser, String name) throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NULL -> null;
            default -> throw wrongType(parser, name, "a string");
        };
    }

    private static void expect(JsonParser parser, JsonToken token, String what) throws JsonParseException {
        if (parser.currentToken() != token) {
            throw new JsonParseException(parser, what + " must be a JSON " + (token == JsonToken.START_OBJECT
                    ? "object ({...})" : "array ([...])") + ", found " + describe(parser.currentToken()),
                    parser.currentTokenLocation());
        }
    }

    private static JsonParseException wrongType(JsonParser parser, String name, String expected) {
        return new JsonParseException(parser, "\"" + name + "\" must be " + expected + ", found "
                + describe(parser.currentToken()), parser.currentTokenLocation());
    }

    private static JsonParseException unknown(JsonParser parser, String name, String where, String known) {
        return new JsonParseException(parser, "Unknown property \"" + name + "\" in " + where + " (known: " + known
                + ")", parser.currentTokenLocation());
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the file";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "a number";
            case VALUE_NUMBER_FLOAT -> "a decimal number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
        };
    }
}
