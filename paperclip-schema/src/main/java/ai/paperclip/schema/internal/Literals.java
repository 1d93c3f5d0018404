package ai.paperclip.schema.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Literal defaults in catalog form: the text PostgreSQL's {@code pg_get_expr} prints for the
 * default after {@code DEFAULT <literal>}, so that a model written with the DSL and a model read
 * back from a live database compare equal. Non-negative integers print bare, negative ones as
 * {@code '-1'::integer}; strings carry their type ({@code 'active'::text}); booleans print bare.
 */
public final class Literals {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Pattern ARRAY_ELEMENT_NEEDS_QUOTES = Pattern.compile("(?s).*[{}\",\\\\\\s].*|(?i)null|");

    private Literals() {
    }

    /**
     * The catalog form of {@code value} as the default of a column of {@code type} (format_type form).
     *
     * @throws IllegalArgumentException when the value does not fit the type
     */
    public static String render(String type, Object value) {
        if (type.endsWith("[]")) {
            if (!(value instanceof List<?> list)) {
                throw new IllegalArgumentException("a " + type + " default must be a List");
            }
            String body = list.stream().map(Literals::arrayElement).collect(Collectors.joining(",", "{", "}"));
            return quote(body) + "::" + type;
        }
        if (value instanceof String s && (type.equals("text") || type.startsWith("character varying"))) {
            return quote(s) + "::" + (type.equals("text") ? "text" : "character varying");
        }
        if (value instanceof Boolean b && type.equals("boolean")) {
            return b.toString();
        }
        if ((value instanceof Integer || value instanceof Short || value instanceof Long)
                && (type.equals("integer") || type.equals("bigint") || type.equals("smallint")
                || type.startsWith("numeric"))) {
            return integer(((Number) value).longValue());
        }
        if (value instanceof BigDecimal d && type.startsWith("numeric")) {
            return decimal(d.toPlainString());
        }
        if (value instanceof Double d && type.equals("double precision")) {
            if (d.isNaN() || d.isInfinite()) {
                return quote(d.isNaN() ? "NaN" : d > 0 ? "Infinity" : "-Infinity") + "::double precision";
            }
            String plain = BigDecimal.valueOf(d).toPlainString();
            return decimal(plain.contains(".") ? plain : plain + ".0");
        }
        if (value instanceof UUID u && type.equals("uuid")) {
            return quote(u.toString()) + "::uuid";
        }
        if (value instanceof LocalDate d && type.equals("date")) {
            return quote(d.toString()) + "::date";
        }
        if (value instanceof LocalDateTime t && type.equals("timestamp without time zone")) {
            return quote(timestamp(t)) + "::timestamp without time zone";
        }
        if (value instanceof CharSequence json && type.equals("jsonb")) {
            return quote(json.toString()) + "::jsonb";
        }
        throw new IllegalArgumentException("a " + type + " column cannot take the literal default " + value
                + " (" + value.getClass().getSimpleName() + "); use defaultSql(...) with the expression");
    }

    /** A SQL string literal: single quotes, inner quotes doubled. */
    public static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** PostgreSQL parses a non-negative int4 as a bare constant and prints it bare; anything else gets a label. */
    private static String integer(long value) {
        boolean int4 = value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
        if (int4) {
            return value >= 0 ? Long.toString(value) : quote(Long.toString(value)) + "::integer";
        }
        return quote(Long.toString(value)) + "::bigint";
    }

    /** A decimal with a point parses as a numeric constant; a negative one prints quoted and labelled. */
    private static String decimal(String plain) {
        if (!plain.contains(".")) {
            try {
                return integer(Long.parseLong(plain));
            } catch (NumberFormatException tooLong) {
                return quote(plain) + "::numeric";
            }
        }
        return plain.startsWith("-") ? quote(plain) + "::numeric" : plain;
    }

    private static String timestamp(LocalDateTime t) {
        String text = t.format(TIMESTAMP);
        if (t.getNano() == 0) {
            return text;
        }
        String fraction = String.format("%09d", t.getNano()).substring(0, 6).replaceAll("0+$", "");
        return text + "." + fraction;
    }

    private static String arrayElement(Object element) {
        if (element == null) {
            return "NULL";
        }
        String text = element.toString();
        if (element instanceof String && ARRAY_ELEMENT_NEEDS_QUOTES.matcher(text).matches()) {
            return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        return text;
    }
}
