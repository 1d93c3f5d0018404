package ai.paperclip.db.migration.internal;

import ai.paperclip.db.PaperclipDbOptions;
import ai.paperclip.db.internal.ConnectionFailures;
import ai.paperclip.db.internal.ConnectionTarget;
import ai.paperclip.db.internal.PoolFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalInt;
import javax.sql.DataSource;
import org.postgresql.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection migrations run on, holding the {@link AdvisoryLock}. Opened directly (not from a pool)
 * when a URL is known, so a pooler in front of the runtime URL can never split the lock's session.
 */
public final class MigrationConnection implements AutoCloseable {

    /**
     * How often a busy server session checks that its client is still there (PostgreSQL 14+). Without it,
     * a session whose process was killed in the middle of a long statement keeps running it, and keeps
     * the migration lock, until the statement ends; with it the session ends within this interval.
     */
    static final String CLIENT_CHECK_INTERVAL = "1s";

    private static final Logger LOG = LoggerFactory.getLogger(MigrationConnection.class);

    private final Connection connection;
    private final boolean borrowed;
    private boolean locked;

    private MigrationConnection(Connection connection, boolean borrowed) throws SQLException {
        this.connection = connection;
        this.borrowed = borrowed;
        try (Statement s = connection.createStatement()) {
            s.execute("set client_connection_check_interval = '" + CLIENT_CHECK_INTERVAL + "'");
        }
    }

    /** A new direct connection to {@code target}. */
    public static MigrationConnection open(ConnectionTarget target, PaperclipDbOptions options) {
        try {
            Connection c = new Driver().connect(target.jdbcUrl(), PoolFactory.driverProperties(target, options));
            return new MigrationConnection(c, false);
        } catch (SQLException | RuntimeException e) {
            throw ConnectionFailures.describe(e, target);
        }
    }

    /** A connection from {@code dataSource}, which must not be behind a transaction-mode pooler. */
    public static MigrationConnection borrow(DataSource dataSource) throws SQLException {
        return new MigrationConnection(dataSource.getConnection(), true);
    }

    public Connection connection() {
        return connection;
    }

    /** Takes the migration lock, waiting for another process that holds it (and saying so). */
    public void lock(String where) throws SQLException {
        if (!AdvisoryLock.tryLock(connection)) {
            OptionalInt holder = AdvisoryLock.holder(connection);
            LOG.info("Waiting for the migration lock on {}: another process is migrating (server pid {})", where,
                    holder.isPresent() ? String.valueOf(holder.getAsInt()) : "unknown");
            AdvisoryLock.lock(connection);
        }
        locked = true;
    }

    @Override
    public void close() {
        try {
            if (locked) {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
                AdvisoryLock.unlock(connection);
            }
            if (borrowed) {
                try (Statement s = connection.createStatement()) {
                    s.execute("reset client_connection_check_interval");
                }
            }
        } catch (SQLException e) {
            // Closing a direct connection ends its session and the lock with it; say so for a borrowed one.
            LOG.warn("Could not release the migration lock cleanly ({}){}", e.getMessage(),
                    borrowed ? "; the data source's connection keeps it until it is closed" : "");
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("Closing the migration connection failed: {}", e.getMessage());
            }
        }
    }
}
