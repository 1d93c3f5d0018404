package ai.paperclip.db.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.Driver;

/**
 * The pool's source of new connections: pgJDBC's driver with the target's URL and properties. HikariCP's
 * own driver wrapper would do, but HikariCP logs its properties at DEBUG and masks only {@code password}
 * ({@code sslpassword} would be printed); given a {@code DataSource}, it logs only this class's
 * {@link #toString()}, the redacted URL.
 *
 * <p>It can be {@linkplain #seed seeded} with a connection already open (the start-up checks' one): the pool's
 * first {@code getConnection} takes that one instead of logging in again.
 */
final class TargetDataSource implements DataSource {

    private final Driver driver = new Driver();
    private final String jdbcUrl;
    private final Properties properties;
    private final String redactedUrl;
    private final AtomicReference<Connection> seed = new AtomicReference<>();
    private volatile int loginTimeoutSeconds;

    TargetDataSource(String jdbcUrl, Properties properties, String redactedUrl) {
        this.jdbcUrl = jdbcUrl;
        this.properties = properties;
        this.redactedUrl = redactedUrl;
    }

    /** The next {@link #getConnection()} returns {@code connection}, open and in its initial session state. */
    void seed(Connection connection) {
        seed.set(connection);
    }

    /** The seeded connection if nobody took it, else {@code null}. */
    Connection unseed() {
        return seed.getAndSet(null);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection seeded = seed.getAndSet(null);
        if (seeded != null) {
            if (!seeded.isClosed()) {
                return seeded;
            }
        }
        Properties copy = new Properties();
        copy.putAll(properties);
        Connection connection = driver.connect(jdbcUrl, copy);
        if (connection == null) {
            throw new SQLException("pgJDBC does not accept the URL " + redactedUrl, "08001");
        }
        return connection;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("The pool's credentials come from the database URL");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // pgJDBC logs through java.util.logging; there is no writer to set
    }

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeoutSeconds = seconds; // the driver's own loginTimeout property is what bounds the login
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getLogger("org.postgresql");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public String toString() {
        return "pgJDBC " + redactedUrl;
    }
}
