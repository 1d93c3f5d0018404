package ai.paperclip.db.internal;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.function.LongConsumer;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/**
 * The primary's pool as the application sees it when replicas are configured: a connection that ran a
 * statement reads the primary's WAL insert position before it goes back to the pool, and that position
 * becomes this database's last write. Nothing is guessed from SQL text: any use of a primary connection
 * counts as a possible write, which costs one short query per used connection and may make a later read
 * wait for writes that were not ours (bounded by the read-your-writes timeout). Without replicas the pool is
 * handed out as it is.
 */
public final class PositionTrackingDataSource implements DataSource {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(PositionTrackingDataSource.class);

    private final DataSource pool;
    private final LongConsumer written;

    public PositionTrackingDataSource(DataSource pool, LongConsumer written) {
        this.pool = pool;
        this.written = written;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return track(pool.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return track(pool.getConnection(username, password));
    }

    private Connection track(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                new Handler(connection));
    }

    private final class Handler implements InvocationHandler {

        private final Connection connection;
        private boolean used;
        private boolean closed;

        Handler(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("close")) {
                close();
                return null;
            }
            if (name.equals("isClosed") && closed) {
                return true;
            }
            if (name.startsWith("prepare") || name.equals("createStatement")) {
                used = true;
            }
            if (name.equals("unwrap") && args[0] == Connection.class) {
                return proxy;
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        private void close() throws SQLException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (used && !connection.isClosed() && !connection.isReadOnly()) {
                    written.accept(WalPositions.query(connection, WalPositions.PRIMARY));
                }
            } catch (SQLException e) {
                // An aborted transaction (25P02) or a lost connection: that work did not commit anything new.
                LOG.debug("No WAL position after using a primary connection: {}", e.getMessage());
            } finally {
                connection.close();
            }
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}
