package ai.paperclip.embedded.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Asks whatever answers on a port who it is. A live pid proves nothing (pids are recycled);
 * {@code current_setting('data_directory')} equal to our real path does.
 */
public final class ServerProbe {

    /** What answered. */
    public enum Answer {
        /** Our data directory, accepting connections. */
        OURS,
        /** A server that is starting or in crash recovery (SQLSTATE 57P03). */
        STARTING,
        /** Something answered, but it is not (provably) our data directory. */
        OTHER,
        /** Nothing answered. */
        NONE
    }

    /** The answer and, for messages, what was seen. */
    public record Result(Answer answer, String detail) {
    }

    private ServerProbe() {
    }

    public static Result probe(int port, String user, String password, Path realDataDirectory) {
        try (Connection c = connect(port, "postgres", user, password);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('data_directory')")) {
            rs.next();
            String directory = rs.getString(1);
            return sameDirectory(directory, realDataDirectory)
                    ? new Result(Answer.OURS, "serves " + directory)
                    : new Result(Answer.OTHER, "port " + port + " serves another data directory, " + directory);
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            if (state.equals("57P03")) {
                return new Result(Answer.STARTING, "port " + port + " answers 'starting up' (57P03)");
            }
            if (state.startsWith("08")) {
                return new Result(Answer.NONE, "nothing answers on port " + port);
            }
            return new Result(Answer.OTHER, "port " + port + " answers but refuses us (SQLSTATE " + state
                    + "): not provably this data directory");
        }
    }

    private static boolean sameDirectory(String reported, Path real) {
        if (reported.equals(real.toString())) {
            return true;
        }
        try {
            return Path.of(reported).toRealPath().equals(real);
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    /** A connection with the driver directly, so no DriverManager registration is needed. */
    public static Connection connect(int port, String database, String user, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "5");
        props.setProperty("socketTimeout", "30");
        props.setProperty("ApplicationName", "paperclip-embedded");
        return new org.postgresql.Driver().connect("jdbc:postgresql://127.0.0.1:" + port + "/" + database, props);
    }
}
