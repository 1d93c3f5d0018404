package ai.paperclip.schema;

import java.util.Objects;

/**
 * The Java type of a {@code jsonb} column in the DSL: JSON text. The DSL stays free of any JSON
 * library (code generators map {@code jsonb} to their own type, jOOQ's {@code JSONB}).
 *
 * <p>As a default, write the JSON the way PostgreSQL prints {@code jsonb} ({@code {"a": 1}}, keys
 * sorted by length then bytes), so the default compares equal to the one read from the catalog.
 *
 * @param text the JSON text
 */
public record Json(String text) implements CharSequence {

    /** The empty object {@code {}}, the usual default of a {@code jsonb NOT NULL} column. */
    public static final Json EMPTY_OBJECT = new Json("{}");

    /** The empty array {@code []}. */
    public static final Json EMPTY_ARRAY = new Json("[]");

    public Json {
        Objects.requireNonNull(text, "text");
    }

    public static Json of(String text) {
        return new Json(text);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public char charAt(int index) {
        return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
