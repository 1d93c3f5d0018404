package ai.paperclip.embedded.junit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One database on the shared test server.
 *
 * @param host     always {@code 127.0.0.1}
 * @param port     the shared server's port
 * @param name     the database name
 * @param user     the superuser
 * @param password the superuser's password
 * @param version  the server's PostgreSQL version, for example {@code 18.3}
 */
public record TestDatabase(String host, int port, String name, String user, String password, String version) {

    /** {@code jdbc:postgresql://127.0.0.1:<port>/<name>}, without credentials. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    /** A new connection; the caller closes it. */
    public Connection openConnection() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        return new org.postgresql.Driver().connect(jdbcUrl(), props);
    }

    /** A non-pooling data source for this database. */
    public DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {host});
        ds.setPortNumbers(new int[] {port});
        ds.setDatabaseName(name);
        ds.setUser(user);
        ds.setPassword(password);
        return ds;
    }

    @Override
    public String toString() {
        return "TestDatabase[" + jdbcUrl() + ", user=" + user + ", password=****]";
    }
}
