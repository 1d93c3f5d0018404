package ai.paperclip.db.backup.internal;

/** Identifier quoting for generated SQL: always quoted, so any name (spaces, quotes, upper case) survives. */
public final class Names {

    private Names() {
    }

    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    public static String qualified(String schema, String name) {
        return quote(schema) + "." + quote(name);
    }

    public static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
