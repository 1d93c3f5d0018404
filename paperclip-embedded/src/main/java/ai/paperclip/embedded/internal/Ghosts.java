package ai.paperclip.embedded.internal;

import ai.paperclip.embedded.EmbeddedPostgresOptions;
import ai.paperclip.embedded.ServerStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Servers of an instance whose data directory was deleted or moved while they ran ("ghosts"): they
 * keep their port, so later starts move to the next one. Found by probing the instance's taken ports
 * ({@link ServerProbe}); stopped only once the pid is proven on Linux: a live {@code postgres} whose
 * working directory (PostgreSQL runs in its data directory) is the deleted directory, or a directory
 * whose own {@code postmaster.pid} names that pid.
 */
public final class Ghosts {

    private Ghosts() {
    }

    /** Ghosts of {@code options}' data directory on its ports (the first port to the last one tried). */
    public static List<ServerStatus.Ghost> find(EmbeddedPostgresOptions options) {
        List<ServerStatus.Ghost> ghosts = new ArrayList<>();
        for (int port = options.port(); port <= options.lastPort(); port++) {
            if (Ports.isFree(port)) {
                continue;
            }
            ServerProbe.Result probe = ServerProbe.probe(port, options.superuser(), options.password(),
                    options.dataDirectory());
            if (probe.answer() == ServerProbe.Answer.GHOST) {
                ghosts.add(new ServerStatus.Ghost(port, probe.serverPid(), options.dataDirectory().toString()));
            }
        }
        return ghosts;
    }

    /**
     * True when {@code pid} is a live postmaster running outside the directory it reports: its working
     * directory is {@code reportedDirectory} deleted, or another directory whose lock file names it.
     */
    public static boolean isProvenGhost(long pid, String reportedDirectory) {
        if (!ProcessNames.isAlivePostgres(pid)) {
            return false;
        }
        String cwd;
        try {
            cwd = Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd")).toString();
        } catch (IOException | RuntimeException e) {
            return false; // not Linux, or not ours to look at: not proven
        }
        if (cwd.equals(reportedDirectory + " (deleted)")) {
            return true;
        }
        return !cwd.equals(reportedDirectory) && PidFile.read(Path.of(cwd)).map(lock -> lock.pid() == pid).orElse(false);
    }

    /** Fast shutdown of a proven ghost's postmaster; true when it has exited within {@code timeout}. */
    public static boolean stop(Installation installation, long pid, Duration timeout) {
        new PgCtl(installation, Path.of(".")).fastShutdown(pid);
        return awaitExit(pid, timeout);
    }

    /** Waits for {@code pid} to end; true when it has. */
    public static boolean awaitExit(long pid, Duration timeout) {
        var handle = ProcessHandle.of(pid);
        if (handle.isEmpty()) {
            return true;
        }
        try {
            handle.get().onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return !handle.get().isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A ghost's pid, or -1. */
    static long pidOf(ServerStatus.Ghost ghost) {
        OptionalLong pid = ghost.pid();
        return pid.isPresent() ? pid.getAsLong() : -1;
    }
}
