package ai.paperclip.db.internal;

import ai.paperclip.db.UnsupportedServerException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Refuses servers older than PostgreSQL 17, on the pool's first connection. */
public final class ServerVersionCheck implements StartupStep {

    /** {@code server_version_num} of PostgreSQL 17.0. */
    public static final int MIN_SERVER_VERSION_NUM = 170000;

    @Override
    public void run(Context context) throws SQLException {
        try (Connection connection = context.pool().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select current_setting('server_version_num')::int,"
                     + " current_setting('server_version')")) {
            rs.next();
            check(rs.getInt(1), rs.getString(2), context.target().redactedUrl());
        }
    }

    static void check(int versionNum, String version, String redactedUrl) {
        if (versionNum < MIN_SERVER_VERSION_NUM) {
            throw new UnsupportedServerException("PostgreSQL " + version + " (server_version_num " + versionNum
                    + ") at " + redactedUrl + " is not supported: paperclip-db needs PostgreSQL 17 or newer."
                    + " Upgrade the server, or point DATABASE_URL at a PostgreSQL 17+ server"
                    + " (the embedded default runs PostgreSQL 18).", versionNum);
        }
    }
}
