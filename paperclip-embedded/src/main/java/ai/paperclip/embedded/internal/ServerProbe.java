package ai.paperclip.embedded.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;

/**
 * Asks whatever answers on a port who it is. A live pid proves nothing (pids are recycled), and
 * neither does {@code current_setting('data_directory')} alone: a server whose directory was
 * deleted or moved while it ran still reports the old path. Proof is the server reading its own
 * lock file ({@code pg_read_file('postmaster.pid')}, relative to the directory it really runs in)
 * and finding the same postmaster (pid and start time) as our {@code postmaster.pid}.
 */
public final class ServerProbe {

    /** What answered. */
    public enum Answer {
        /** Our data directory, accepting connections, proven by its own lock file. */
        OURS,
        /**
         * A server that reports our data directory's path but whose own lock file is not ours: its
         * directory was deleted or moved while it ran. It keeps its port until it is stopped.
         */
        GHOST,
        /** A server that is starting or in crash recovery (SQLSTATE 57P03). */
        STARTING,
        /** Something answered, but it is not (provably) our data directory. */
        OTHER,
        /** Nothing answered. */
        NONE
    }

    /**
     * The answer, what was seen (for messages), and the postmaster's pid as the server knows it
     * (its own lock file, else the parent of our backend), when it answered.
     */
    public record Result(Answer answer, String detail, OptionalLong serverPid) {
        Result(Answer answer, String detail) {
            this(answer, detail, OptionalLong.empty());
        }
    }

    private static final String WHO_ARE_YOU = "SELECT current_setting('data_directory'),"
            + " pg_read_file('" + PidFile.NAME + "', 0, 4096, true), pg_backend_pid()";

    private ServerProbe() {
    }

    /**
     * @param dataDirectory our data directory (absolute; it may no longer exist)
     */
    public static Result probe(int port, String user, String password, Path dataDirectory) {
        try (Connection c = connectForProbe(port, user, password);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(WHO_ARE_YOU)) {
            rs.next();
            String directory = rs.getString(1);
            if (!sameDirectory(directory, dataDirectory)) {
                return new Result(Answer.OTHER, "port " + port + " serves another data directory, " + directory);
            }
            Optional<PidFile> theirs = PidFile.parse(rs.getString(2));
            Optional<PidFile> ours = PidFile.read(dataDirectory);
            if (theirs.isPresent() && ours.isPresent() && theirs.get().sameServerAs(ours.get())) {
                return new Result(Answer.OURS, "serves " + directory, OptionalLong.of(theirs.get().pid()));
            }
            long backend = rs.getLong(3);
            OptionalLong pid = theirs.filter(p -> p.pid() > 0).map(p -> OptionalLong.of(p.pid()))
                    .orElseGet(() -> parentOf(backend));
            return new Result(Answer.GHOST, "port " + port + " is served by a PostgreSQL server that reports the data"
                    + " directory " + directory + " but runs in another directory (deleted or moved while it ran)", pid);
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

    private static OptionalLong parentOf(long backendPid) {
        return ProcessHandle.of(backendPid).flatMap(ProcessHandle::parent)
                .map(parent -> OptionalLong.of(parent.pid())).orElse(OptionalLong.empty());
    }

    static boolean sameDirectory(String reported, Path dataDirectory) {
        Path absolute = dataDirectory.toAbsolutePath().normalize();
        if (reported.equals(absolute.toString())) {
            return true;
        }
        try {
            return Files.exists(absolute) && Path.of(reported).toRealPath().equals(absolute.toRealPath());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** A connection with the driver directly, so no DriverManager registration is needed. */
    public static Connection connect(int port, String database, String user, String password) throws SQLException {
        return connect(port, database, user, password, new Properties());
    }

    /**
     * A probe may meet any program on a port: a bounded login, so a listener that never answers
     * cannot hold a start or the doctor for the socket timeout.
     */
    private static Connection connectForProbe(int port, String user, String password) throws SQLException {
        Properties extra = new Properties();
        extra.setProperty("loginTimeout", "10");
        return connect(port, "postgres", user, password, extra);
    }

    private static Connection connect(int port, String database, String user, String password, Properties extra)
            throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "5");
        props.setProperty("socketTimeout", "30");
        props.setProperty("ApplicationName", "paperclip-embedded");
        props.putAll(extra);
        return new org.postgresql.Driver().connect("jdbc:postgresql://127.0.0.1:" + port + "/" + database, props);
    }
}
