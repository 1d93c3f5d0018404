package ai.paperclip.db.introspect.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Sets the session's {@code search_path} to one schema and restores the previous value on close.
 * PostgreSQL prints names (types, sequences in {@code nextval('…'::regclass)}, functions) unqualified
 * exactly when they are visible on the search path: with the introspected schema alone on it, the
 * schema's own objects print unqualified, as the DSL writes them, and everything elsewhere qualified.
 */
public final class SearchPath implements AutoCloseable {

    private final Connection connection;
    private final String previous;

    private SearchPath(Connection connection, String previous) {
        this.connection = connection;
        this.previous = previous;
    }

    /** Puts {@code schema} (alone; {@code pg_catalog} stays implicit) on the search path. */
    public static SearchPath set(Connection connection, String schema) throws SQLException {
        String previous = Jdbc.strings(connection, "SELECT current_setting('search_path')").get(0);
        apply(connection, "SELECT set_config('search_path', quote_ident(?), false)", schema);
        return new SearchPath(connection, previous);
    }

    @Override
    public void close() throws SQLException {
        apply(connection, "SELECT set_config('search_path', ?, false)", previous);
    }

    private static void apply(Connection connection, String sql, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, value);
            try (ResultSet ignored = statement.executeQuery()) {
                // set_config returns the new value; nothing to read
            }
        }
    }
}
