package ai.paperclip.schema.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Identifier lengths and the names PostgreSQL derives: it keeps at most 63 bytes of a name
 * ({@code NAMEDATALEN - 1}) and cuts longer ones byte-wise, backing off so that a multibyte UTF-8
 * character is never split ({@code pg_mbcliplen}).
 */
public final class Names {

    /** PostgreSQL's identifier limit in bytes. */
    public static final int MAX_IDENTIFIER_BYTES = 63;

    private Names() {
    }

    public static int byteLength(String name) {
        return name.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The longest prefix of {@code name} that fits in {@code maxBytes} UTF-8 bytes without splitting a character. */
    public static String clip(String name, int maxBytes) {
        int bytes = 0;
        int i = 0;
        while (i < name.length()) {
            int codePoint = name.codePointAt(i);
            int size = utf8Size(codePoint);
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            i += Character.charCount(codePoint);
        }
        return name.substring(0, i);
    }

    /** The name as PostgreSQL stores it when given explicitly: cut to 63 bytes. */
    public static String truncate(String name) {
        return clip(name, MAX_IDENTIFIER_BYTES);
    }

    /** Drizzle's foreign key name {@code <table>_<columns>_<reftable>_<refcolumns>_fk}, cut as PostgreSQL cuts it. */
    public static String foreignKey(String table, List<String> columns, String referencedTable, List<String> referencedColumns) {
        return truncate(table + "_" + String.join("_", columns) + "_" + referencedTable + "_"
                + String.join("_", referencedColumns) + "_fk");
    }

    /** The primary key name PostgreSQL chooses: {@code <table>_pkey}, the table part shortened to fit. */
    public static String primaryKey(String table) {
        return objectName(table, null, "pkey");
    }

    /** The sequence name PostgreSQL chooses for a serial column: {@code <table>_<column>_seq}, shortened to fit. */
    public static String serialSequence(String table, String column) {
        return objectName(table, column, "seq");
    }

    /**
     * PostgreSQL's {@code makeObjectName}: {@code name1[_name2]_label}, where the longer of the two
     * names loses a byte at a time until the whole fits in 63 bytes.
     */
    static String objectName(String name1, String name2, String label) {
        int overhead = label.length() + 1 + (name2 == null ? 0 : 1);
        int available = MAX_IDENTIFIER_BYTES - overhead;
        int name1Bytes = byteLength(name1);
        int name2Bytes = name2 == null ? 0 : byteLength(name2);
        while (name1Bytes + name2Bytes > available) {
            if (name1Bytes > name2Bytes) {
                name1Bytes--;
            } else {
                name2Bytes--;
            }
        }
        String result = clip(name1, name1Bytes);
        if (name2 != null) {
            result += "_" + clip(name2, name2Bytes);
        }
        return result + "_" + label;
    }

    private static int utf8Size(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
