package ai.paperclip.migrate.internal;

import ai.paperclip.db.introspect.DoctorCheck.Result;
import ai.paperclip.db.introspect.DoctorCheck.Status;
import ai.paperclip.embedded.EmbeddedPostgresOptions;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The doctor's look at an embedded data directory before anything starts: is there a cluster, is a
 * server running on it ({@code postmaster.pid}, read only, never deleted), is another process starting it
 * (the start lock beside it). Reads PostgreSQL's own files; changes nothing.
 */
public final class DataDirectoryCheck {

    private DataDirectoryCheck() {
    }

    public static List<Result> run(EmbeddedPostgresOptions options) {
        Path dir = options.dataDirectory();
        return List.of(cluster(dir), serverLock(dir), startLock(dir));
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

    private static Result serverLock(Path dir) {
        String name = "server lock";
        Optional<String> pidFile = read(dir.resolve("postmaster.pid"));
        if (pidFile.isEmpty()) {
            return new Result(name, Status.OK, "no postmaster.pid: no server is running on it");
        }
        List<String> lines = pidFile.get().lines().toList();
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).strip());
        } catch (RuntimeException e) {
            return new Result(name, Status.WARN, "postmaster.pid is being written or is damaged: PostgreSQL decides at the"
                    + " next start; do not delete it by hand");
        }
        String port = lines.size() > 3 ? ", port " + lines.get(3).strip() : "";
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return new Result(name, Status.OK, "a server is running on it (pid " + pid + port + "); it is reused");
        }
        return new Result(name, Status.WARN, "postmaster.pid names process " + pid + ", which is not running (left by a"
                + " crash or a kill): PostgreSQL checks and replaces it at the next start; do not delete it by hand");
    }

    private static Result startLock(Path dir) {
        String name = "start lock";
        Path lockFile = dir.toAbsolutePath().normalize().resolveSibling("." + dir.getFileName() + ".lock");
        if (!Files.exists(lockFile)) {
            return new Result(name, Status.OK, "free");
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return new Result(name, Status.WARN, lockFile + " is held: another process is starting, stopping or"
                        + " resetting this server right now");
            }
            lock.release();
            return new Result(name, Status.OK, "free");
        } catch (OverlappingFileLockException e) {
            return new Result(name, Status.WARN, lockFile + " is held by this process");
        } catch (IOException e) {
            return new Result(name, Status.WARN, "cannot open " + lockFile + ": " + e.getMessage());
        }
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file).strip()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
