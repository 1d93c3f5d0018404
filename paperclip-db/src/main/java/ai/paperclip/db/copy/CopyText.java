package ai.paperclip.db.copy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import org.jooq.EnumType;
import org.jooq.JSON;
import org.jooq.JSONB;

/**
 * Rows in COPY's text format, UTF-8, appended to a growing byte buffer. Hand-written because pgJDBC's
 * CopyManager takes bytes and leaves the format to the caller. Text rather than binary: PostgreSQL parses
 * each value with its column type's own input function, so any value whose Java form renders as its SQL
 * text (numbers, uuid, timestamps in ISO 8601, jsonb, enums) goes in without a per-type binary encoder, and
 * a refused value comes back with the line and column it was on.
 *
 * <p>Escaping (PostgreSQL docs, COPY, "Text Format"): backslash, newline, carriage return and tab are written
 * as {@code \\ \n \r \t}; null as {@code \N}. So no value can end the data early: a value {@code \.} goes out
 * as {@code \\.}. A NUL character (PostgreSQL text cannot hold it) and an unpaired UTF-16 surrogate (it would
 * be replaced, losing data) are refused before anything is sent.
 */
final class CopyText {

    private byte[] buffer = new byte[1 << 16];
    private int length;

    int length() {
        return length;
    }

    byte[] buffer() {
        return buffer;
    }

    void clear() {
        length = 0;
    }

    void delimiter() {
        put((byte) '\t');
    }

    void endOfRow() {
        put((byte) '\n');
    }

    /**
     * Appends one value.
     *
     * @throws IllegalArgumentException naming what is wrong with the value (the caller adds row and column)
     */
    void value(Object value) {
        if (value == null) {
            put((byte) '\\');
            put((byte) 'N');
            return;
        }
        String text = text(value);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> escaped('\\');
                case '\n' -> escaped('n');
                case '\r' -> escaped('r');
                case '\t' -> escaped('t');
                case '\0' -> throw new IllegalArgumentException(
                        "it holds a NUL character (\\u0000) at index " + i + ", which PostgreSQL text cannot store");
                default -> {
                    if (c < 0x80) {
                        put((byte) c);
                    } else if (Character.isSurrogate(c)) {
                        if (!Character.isHighSurrogate(c) || i + 1 == text.length()
                                || !Character.isLowSurrogate(text.charAt(i + 1))) {
                            throw new IllegalArgumentException("it holds an unpaired UTF-16 surrogate at index " + i
                                    + ", which has no UTF-8 form");
                        }
                        codePoint(Character.toCodePoint(c, text.charAt(++i)));
                    } else {
                        codePoint(c);
                    }
                }
            }
        }
    }

    private static String text(Object value) {
        if (value instanceof CharSequence || value instanceof Number && isExact(value) || value instanceof UUID
                || value instanceof Character) {
            return value.toString();
        }
        if (value instanceof Double || value instanceof Float) {
            return value.toString();   // 1.0E10, NaN, Infinity, -Infinity: float8in reads them all
        }
        if (value instanceof Boolean b) {
            return b ? "t" : "f";
        }
        if (value instanceof OffsetDateTime || value instanceof Instant || value instanceof LocalDateTime
                || value instanceof LocalDate || value instanceof LocalTime || value instanceof OffsetTime) {
            return value.toString();   // ISO 8601, which timestamptz_in and friends accept
        }
        if (value instanceof ZonedDateTime z) {
            return z.toOffsetDateTime().toString();   // without the [Region/Zone] suffix PostgreSQL rejects
        }
        if (value instanceof byte[] bytes) {
            return "\\x" + HexFormat.of().formatHex(bytes);   // bytea's hex form
        }
        if (value instanceof JSONB j) {
            return j.data();
        }
        if (value instanceof JSON j) {
            return j.data();
        }
        if (value instanceof EnumType e) {
            return e.getLiteral();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        throw new IllegalArgumentException("a " + value.getClass().getName() + " has no COPY text form here;"
                + " pass its PostgreSQL text form as a String");
    }

    private static boolean isExact(Object n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                || n instanceof BigInteger || n instanceof BigDecimal;
    }

    private void escaped(char c) {
        put((byte) '\\');
        put((byte) c);
    }

    private void codePoint(int cp) {
        if (cp < 0x800) {
            put((byte) (0xC0 | cp >> 6));
        } else if (cp < 0x10000) {
            put((byte) (0xE0 | cp >> 12));
            put((byte) (0x80 | cp >> 6 & 0x3F));
        } else {
            put((byte) (0xF0 | cp >> 18));
            put((byte) (0x80 | cp >> 12 & 0x3F));
            put((byte) (0x80 | cp >> 6 & 0x3F));
        }
        put((byte) (0x80 | cp & 0x3F));
    }

    private void put(byte b) {
        if (length == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        buffer[length++] = b;
    }
}
