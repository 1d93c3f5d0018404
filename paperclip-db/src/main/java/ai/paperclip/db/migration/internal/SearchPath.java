package ai.paperclip.db.migration.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The search path Liquibase 4.33 gives a PostgreSQL session before a changeset (its
 * {@code DatabaseUtils.initializeDatabase} with the default schema {@code public}): unless the path already
 * starts with {@code public}, {@code SET SEARCH_PATH TO public, <the old entries, each quoted>}. Unqualified
 * names in a changeset resolve through it, so {@link FastApply} sets the same one.
 */
final class SearchPath {

    private SearchPath() {
    }

    /** Why the path cannot be reproduced (an entry this does not quote as Liquibase would), or empty. */
    static Optional<String> whyNot(Connection connection) throws SQLException {
        String path = show(connection);
        for (String entry : entries(path)) {
            if (!entry.startsWith("\"") && !entry.matches("[a-z_][a-z0-9_]*")) {
                return Optional.of("the search path entry " + entry + " would need Liquibase's own quoting");
            }
        }
        return Optional.empty();
    }

    /** Sets the path Liquibase would, when it would. */
    static void asLiquibaseSetsIt(Connection connection) throws SQLException {
        String path = show(connection);
        String schema = HistoryTable.SCHEMA;
        if (path.equals(schema) || path.equals("\"" + schema + "\"") || path.startsWith(schema + ",")
                || path.startsWith("\"" + schema + "\",") || path.equals(catalog(connection))) {
            return;
        }
        List<String> quoted = new ArrayList<>();
        for (String entry : entries(path)) {
            quoted.add(entry.startsWith("\"") ? entry : "\"" + entry + "\"");
        }
        String value = schema + (path.isEmpty() ? "" : ", " + String.join(",", quoted));
        try (Statement s = connection.createStatement()) {
            s.execute("SET SEARCH_PATH TO " + value);
        }
    }

    private static List<String> entries(String path) {
        List<String> entries = new ArrayList<>();
        for (String entry : path.split(",")) {
            if (!entry.trim().isEmpty()) {
                entries.add(entry.trim());
            }
        }
        return entries;
    }

    private static String show(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SHOW SEARCH_PATH")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String catalog(Connection connection) throws SQLException {
        return connection.getCatalog();
    }
}
