package ai.paperclip.db.introspect;

import ai.paperclip.db.testing.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A new, empty database on the shared test server, owned by the application role (not a superuser:
 * introspection and push must work with an owner's privileges). Its connections are the application's.
 */
record FreshDatabase(PostgresServer server, String name) {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    static FreshDatabase on(PostgresServer server) {
        String name = "introspect_" + COUNTER.incrementAndGet();
        try (Connection c = server.superuser().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " OWNER " + PostgresServer.USER
                    + " ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name, e);
        }
        return new FreshDatabase(server, name);
    }

    /** {@code postgres://paperclip_app:…@127.0.0.1:<port>/<name>}. */
    String url() {
        return "postgres://" + PostgresServer.USER + ":" + PostgresServer.encoded(PostgresServer.PASSWORD)
                + "@127.0.0.1:" + server.port() + "/" + name;
    }

    Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", PostgresServer.USER);
        properties.setProperty("password", PostgresServer.PASSWORD);
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/" + name, properties);
    }

    /** Runs statements in autocommit, each on its own. */
    void execute(List<String> statements) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    void execute(String... statements) throws SQLException {
        execute(List.of(statements));
    }

    long count(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
