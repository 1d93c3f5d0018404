package ai.paperclip.schema.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The stable JSON form of a {@link SchemaModel}: properties sorted, two-space indent, {@code \n}
 * line ends, a final newline, absent values left out. The same model always gives the same bytes,
 * and {@code read(write(m)).equals(m)}.
 */
public final class SchemaJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private SchemaJson() {
    }

    /** The shared mapper, configured for the stable form; for types that embed a model (snapshots). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The shared writer of the stable form. */
    public static ObjectWriter writer() {
        return WRITER;
    }

    public static String write(SchemaModel model) {
        return writeValue(model);
    }

    /** Writes any value (a snapshot that embeds a model) in the stable form. */
    public static String writeValue(Object value) {
        try {
            return WRITER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * Reads a model written by {@link #write}.
     *
     * @throws IllegalArgumentException naming the line and column when the JSON is malformed
     */
    public static SchemaModel read(String json) {
        return readValue(json, SchemaModel.class);
    }

    public static <T> T readValue(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new IllegalArgumentException("Malformed schema JSON" + where + ": " + e.getOriginalMessage(), e);
        }
    }
}
