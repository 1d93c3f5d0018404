package ai.paperclip.db.internal;

import ai.paperclip.db.DbHealth;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Reads {@link DbHealth}: pool counts first (before our own query borrows a connection), then the server. */
public final class HealthProbe {

    private static final String SQL = "select current_setting('server_version'),"
            + " current_setting('server_version_num')::int,"
            + " current_setting('max_connections')::int,"
            + " (select count(*) from pg_stat_activity where datname = current_database())::int";

    private HealthProbe() {
    }

    public static DbHealth probe(HikariDataSource pool) throws SQLException {
        HikariPoolMXBean counts = pool.getHikariPoolMXBean();
        int active = counts.getActiveConnections();
        int idle = counts.getIdleConnections();
        int waiting = counts.getThreadsAwaitingConnection();
        try (Connection connection = pool.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(SQL)) {
            rs.next();
            return new DbHealth(active, idle, waiting, pool.getMaximumPoolSize(),
                    rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4));
        }
    }
}
