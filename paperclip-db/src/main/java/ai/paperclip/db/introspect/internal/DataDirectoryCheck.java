package ai.paperclip.db.introspect.internal;

import ai.paperclip.db.introspect.DoctorCheck.Result;
import ai.paperclip.db.introspect.DoctorCheck.Status;
import ai.paperclip.embedded.EmbeddedPostgres;
import ai.paperclip.embedded.EmbeddedPostgresOptions;
import ai.paperclip.embedded.ServerStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The doctor's look at an embedded data directory before anything starts: is there a cluster, what its
 * {@code postmaster.pid} names and whether that is proven to be this cluster's server, whether a process
 * uses it, whether a start holds its start lock, and ghosts (servers of this instance whose data directory
 * is gone) on its ports. Reads and asks ({@link EmbeddedPostgres#inspect}); changes nothing. Processes are
 * named by pid and program name, never by their arguments.
 */
public final class DataDirectoryCheck {

    private static final String STOP = "paperclip-migrate stop";

    private DataDirectoryCheck() {
    }

    public static List<Result> run(EmbeddedPostgresOptions options) {
        Path dir = options.dataDirectory();
        ServerStatus status = EmbeddedPostgres.inspect(options);
        List<Result> results = new ArrayList<>(List.of(cluster(dir), serverLock(status), users(status), startLock(status)));
        results.add(ghosts(options, status));
        return results;
    }

    private static Result cluster(Path dir) {
        String name = "data directory";
        if (!Files.exists(dir)) {
            return new Result(name, Status.OK, dir + " does not exist yet: the first start creates a fresh cluster");
        }
        Path version = dir.resolve("PG_VERSION");
        if (Files.isRegularFile(version)) {
            return new Result(name, Status.OK, dir + " holds a PostgreSQL " + read(version).orElse("?") + " cluster");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isEmpty()) {
                return new Result(name, Status.OK, dir + " is empty: the first start creates a cluster in it");
            }
        } catch (IOException e) {
            return new Result(name, Status.FAIL, "cannot read " + dir + ": " + e.getMessage() + ". Check its permissions.");
        }
        return new Result(name, Status.FAIL, dir + " is not empty but holds no cluster (no PG_VERSION): move its content"
                + " away, or set database.embeddedPostgresDataDir in config.json to another directory");
    }

    private static Result serverLock(ServerStatus status) {
        String name = "server lock";
        long pid = status.pid().orElse(-1);
        String port = status.port().isPresent() ? ", port " + status.port().getAsInt() : "";
        return switch (status.server()) {
            case NOT_RUNNING -> new Result(name, Status.OK, "no postmaster.pid: no server is running on it");
            case RUNNING -> new Result(name, Status.OK, "a server proven to serve it is running (pid " + pid + port
                    + "); it is reused");
            case STARTING -> new Result(name, Status.WARN, "its server (pid " + pid + port + ") is starting up or in"
                    + " crash recovery; a start waits for it");
            case STALE -> new Result(name, Status.WARN, "postmaster.pid names process " + pid + ", which is not running"
                    + " (left by a crash or a kill): PostgreSQL checks and replaces it at the next start; do not delete it"
                    + " by hand");
            case NOT_PROVEN -> new Result(name, Status.FAIL, "postmaster.pid names process " + pid + " ("
                    + (status.program().isEmpty() ? "program unknown" : status.program()) + "), which is alive but not"
                    + " proven to be this cluster's server (nothing answering on its port proves it): starts refuse until"
                    + " it ends. If it is not a PostgreSQL server of this directory (a pid reused after a reboot), remove "
                    + status.dataDirectory().resolve("postmaster.pid") + " yourself");
            case UNREADABLE -> new Result(name, Status.WARN, "postmaster.pid is being written or is damaged: PostgreSQL"
                    + " decides at the next start; do not delete it by hand");
        };
    }

    private static Result users(ServerStatus status) {
        String name = "users";
        return switch (status.usage()) {
            case IN_USE -> new Result(name, Status.OK, "a process of this library uses the server; the last one to close"
                    + " stops it");
            case UNKNOWN -> new Result(name, Status.WARN, "not known: a start, stop or reset holds the start lock");
            case UNUSED -> status.server() == ServerStatus.Server.RUNNING
                    ? new Result(name, Status.WARN, "no process of this library uses the running server (pid "
                            + status.pid().orElse(-1) + "): a process left it running without closing it (killed), or"
                            + " it was started by hand. The last user of a server this library started stops it when it"
                            + " closes (this doctor run too); " + STOP + " stops it now")
                    : new Result(name, Status.OK, "no process of this library uses it");
        };
    }

    private static Result startLock(ServerStatus status) {
        return status.usage() == ServerStatus.Usage.UNKNOWN
                ? new Result("start lock", Status.WARN, "held: another process is starting, stopping or resetting this"
                        + " server right now")
                : new Result("start lock", Status.OK, "free");
    }

    private static Result ghosts(EmbeddedPostgresOptions options, ServerStatus status) {
        String name = "ghost servers";
        if (status.ghosts().isEmpty()) {
            return new Result(name, Status.OK, "none on ports " + options.port() + "-" + options.lastPort());
        }
        List<String> each = new ArrayList<>();
        for (ServerStatus.Ghost ghost : status.ghosts()) {
            each.add("port " + ghost.port() + " is held by a PostgreSQL server of this instance"
                    + (ghost.pid().isPresent() ? " (pid " + ghost.pid().getAsLong() + ")" : "") + " whose data directory "
                    + ghost.dataDirectory() + " is gone (deleted or moved while it ran)");
        }
        return new Result(name, Status.FAIL, String.join("; ", each) + ". It keeps the port, and later starts move to the"
                + " next one: stop it with " + STOP);
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file).strip()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
