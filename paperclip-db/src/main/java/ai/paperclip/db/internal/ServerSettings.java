package ai.paperclip.db.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What the start-up checks need from the server, read in one round trip on the pre-flight connection: the
 * version ({@link ServerVersionCheck}) and the connection limits ({@link PoolSizeCheck}).
 *
 * @param versionNum {@code server_version_num}
 * @param version {@code server_version}, for messages
 * @param maxConnections {@code max_connections}
 * @param reservedConnections {@code superuser_reserved_connections}
 */
public record ServerSettings(int versionNum, String version, int maxConnections, int reservedConnections) {

    static final String QUERY = "select current_setting('server_version_num')::int, current_setting('server_version'),"
            + " current_setting('max_connections')::int, current_setting('superuser_reserved_connections')::int";

    /** Reads them on {@code connection}. */
    public static ServerSettings read(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(QUERY)) {
            rs.next();
            return new ServerSettings(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getInt(4));
        }
    }
}
