package ai.paperclip.embedded;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What runs for an embedded data directory, looked at without changing anything
 * ({@link EmbeddedPostgres#inspect(EmbeddedPostgresOptions)}): the server its {@code postmaster.pid}
 * names, whether a process of this library uses it, and ghosts on the instance's ports. Processes
 * are named by pid and program name only, never by their arguments.
 *
 * @param dataDirectory the data directory (absolute)
 * @param server        what {@code postmaster.pid} and the port it names say
 * @param pid           the pid {@code postmaster.pid} names, when it names one
 * @param port          the port {@code postmaster.pid} names, when it names one
 * @param program       the program name of that pid when it is alive (for example {@code postgres} or {@code sleep}), else empty
 * @param usage         whether a process of this library holds the server ({@code .<name>.users} share-locked)
 * @param ghosts        servers on the instance's ports whose data directory is gone
 */
public record ServerStatus(Path dataDirectory, Server server, OptionalLong pid, OptionalInt port, String program,
                           Usage usage, List<Ghost> ghosts) {

    public ServerStatus {
        ghosts = List.copyOf(ghosts);
    }

    /** The server of the data directory, as {@code postmaster.pid} and the port it names say. */
    public enum Server {
        /** No {@code postmaster.pid}: no server runs on the data directory. */
        NOT_RUNNING,
        /** A server proven to serve the data directory (by its own lock file) answers on the port named. */
        RUNNING,
        /** The server is starting up or in crash recovery (SQLSTATE 57P03). */
        STARTING,
        /** {@code postmaster.pid} names a process that is gone (a crash or kill -9); the next start replaces it. */
        STALE,
        /**
         * {@code postmaster.pid} names a live process, but no server proven to serve the data directory
         * answers: a pid reused by another program, or a server of another user, container or password. The
         * next start refuses until that process ends.
         */
        NOT_PROVEN,
        /** {@code postmaster.pid} is being written or is damaged. */
        UNREADABLE
    }

    /** Whether a process of this library uses the server. */
    public enum Usage {
        UNUSED, IN_USE,
        /** Not known: a start, stop or reset of the directory held its start lock for the whole wait. */
        UNKNOWN
    }

    /**
     * A PostgreSQL server listening on one of the instance's ports that reports this data directory's
     * path but runs in another directory: its data directory was deleted or moved while it ran. It keeps
     * the port (later starts move to the next one) until it is stopped.
     *
     * @param port          the port it listens on
     * @param pid           its postmaster's pid, when known
     * @param dataDirectory the data directory it reports
     */
    public record Ghost(int port, OptionalLong pid, String dataDirectory) {
    }
}
