package ai.paperclip.db.internal;

import ai.paperclip.db.DbHealth;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Reads {@link DbHealth}: pool counts first (before our own query borrows a connection), then the server.
 * A data source that is not a HikariCP pool reports -1 for the pool counts.
 */
public final class HealthProbe {

    private static final String SQL = "select current_setting('server_version'),"
            + " current_setting('server_version_num')::int,"
            + " current_setting('max_connections')::int,"
            + " (select count(*) from pg_stat_activity where datname = current_database())::int";

    private HealthProbe() {
    }

    public static DbHealth probe(DataSource dataSource) throws SQLException {
        HikariDataSource hikari = hikari(dataSource);
        HikariPoolMXBean counts = hikari == null ? null : hikari.getHikariPoolMXBean();
        int active = counts == null ? -1 : counts.getActiveConnections();
        int idle = counts == null ? -1 : counts.getIdleConnections();
        int waiting = counts == null ? -1 : counts.getThreadsAwaitingConnection();
        int max = hikari == null ? -1 : hikari.getMaximumPoolSize();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(SQL)) {
            rs.next();
            return new DbHealth(active, idle, waiting, max, rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4));
        }
    }

    /** The HikariCP pool behind {@code dataSource}, or null when there is none (or it will not say). */
    static HikariDataSource hikari(DataSource dataSource) {
        if (dataSource instanceof HikariDataSource h) {
            return h;
        }
        try {
            return dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
        } catch (SQLException e) {
            return null;
        }
    }
}
