package ai.paperclip.embedded.internal;

import ai.paperclip.embedded.PostgresStartException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the application database when it is missing. */
public final class Databases {

    private static final Logger LOG = LoggerFactory.getLogger(Databases.class);

    private Databases() {
    }

    /** {@code CREATE DATABASE name ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0} unless it exists. */
    public static void ensureExists(int port, String user, String password, String name) {
        try (Connection c = ServerProbe.connect(port, "postgres", user, password)) {
            if (exists(c, name)) {
                return;
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + quote(name)
                        + " ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
                LOG.info("Created database {} (UTF8, C collation)", name);
            } catch (SQLException e) {
                if (!"42P04".equals(e.getSQLState())) { // 42P04: created meanwhile by another process
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new PostgresStartException("Cannot create database " + name + " on port " + port + ": "
                    + e.getMessage() + " (SQLSTATE " + e.getSQLState() + ")", List.of(), e);
        }
    }

    private static boolean exists(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** A double-quoted identifier. */
    public static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
