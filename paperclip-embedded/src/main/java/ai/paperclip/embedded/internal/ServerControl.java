package ai.paperclip.embedded.internal;

import ai.paperclip.embedded.EmbeddedPostgresOptions;
import ai.paperclip.embedded.ServerStatus;
import ai.paperclip.embedded.StopResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Looking at, and stopping, an instance's server from outside the processes that use it (the CLI's
 * {@code doctor} and {@code stop}). Only a server proven to be this instance's is ever signalled: one
 * whose own lock file names the postmaster our {@code postmaster.pid} names, or a proven ghost.
 */
public final class ServerControl {

    /** How long looking waits for a start or stop of the same directory to finish. */
    private static final Duration LOOK_WAIT = Duration.ofSeconds(10);

    private ServerControl() {
    }

    public static ServerStatus inspect(EmbeddedPostgresOptions options) {
        ServerStatus.Usage usage;
        Optional<StartLock> lock = StartLock.tryAcquire(options.dataDirectory(), LOOK_WAIT);
        if (lock.isEmpty()) {
            usage = ServerStatus.Usage.UNKNOWN;
        } else {
            try (StartLock held = lock.get()) {
                usage = ServerUsers.inUse(options.dataDirectory()) ? ServerStatus.Usage.IN_USE : ServerStatus.Usage.UNUSED;
            }
        }
        return look(options, usage);
    }

    /** Call with the {@link StartLock} held. */
    public static StopResult stop(EmbeddedPostgresOptions options) {
        Path dir = options.dataDirectory();
        if (ServerUsers.inUse(dir)) {
            return new StopResult(StopResult.Outcome.REFUSED, "Not stopping the embedded PostgreSQL of " + dir + ": a"
                    + " process of this library still uses it (it holds " + ServerUsers.file(dir) + "). The last of"
                    + " them stops the server when it closes: close the applications and commands using it instead.");
        }
        ServerStatus status = look(options, ServerStatus.Usage.UNUSED);
        List<String> done = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        long pid = status.pid().orElse(-1);
        Path lockFile = dir.resolve(PidFile.NAME);
        switch (status.server()) {
            case RUNNING -> {
                Installation installation = BinaryCache.resolve(options.binaries(), options.cacheDirectory());
                ProcessRunner.Result result = new PgCtl(installation, realPath(dir)).stop(options.startTimeout());
                if (result.ok() || !ProcessNames.isAlivePostgres(pid)) {
                    done.add("Stopped the PostgreSQL server of " + dir + " (pid " + pid + ", port "
                            + status.port().orElse(-1) + ").");
                } else {
                    refused.add("pg_ctl stop failed for " + dir + " (pid " + pid + ", exit " + result.exitCode() + "): "
                            + result.output().strip());
                }
            }
            case STARTING -> refused.add("The server of " + dir + " (pid " + pid + ") is starting up or in crash"
                    + " recovery; run stop again once it accepts connections.");
            case NOT_PROVEN -> refused.add("Not signalling " + ProcessNames.describe(pid) + ": " + lockFile + " names it,"
                    + " but it is not proven to be this cluster's server (no server answering on port "
                    + (status.port().isPresent() ? status.port().getAsInt() : "?") + " proves it serves " + dir + "). If it"
                    + " is not a PostgreSQL server of this directory (a pid reused after a reboot), remove " + lockFile
                    + " yourself (this library never does); the next start checks it.");
            case UNREADABLE -> refused.add(lockFile + " is being written or is damaged; run stop again in a moment.");
            case STALE -> done.add(lockFile + " names process " + pid + ", which is not running: no server to stop"
                    + " (the next start replaces the stale lock file).");
            case NOT_RUNNING -> { }
        }
        for (ServerStatus.Ghost ghost : status.ghosts()) {
            stopGhost(options, ghost, done, refused);
        }
        if (!refused.isEmpty()) {
            done.addAll(refused);
            return new StopResult(StopResult.Outcome.REFUSED, String.join("\n", done));
        }
        boolean stopped = status.server() == ServerStatus.Server.RUNNING || !status.ghosts().isEmpty();
        if (!stopped) {
            done.add("No server of this instance is running (" + dir + ", ports " + options.port() + "-"
                    + options.lastPort() + "): nothing to stop.");
        }
        return new StopResult(stopped ? StopResult.Outcome.STOPPED : StopResult.Outcome.NOT_RUNNING,
                String.join("\n", done));
    }

    private static void stopGhost(EmbeddedPostgresOptions options, ServerStatus.Ghost ghost, List<String> done,
                                  List<String> refused) {
        long pid = Ghosts.pidOf(ghost);
        if (pid <= 0 || !Ghosts.isProvenGhost(pid, ghost.dataDirectory())) {
            refused.add("Port " + ghost.port() + " is held by a PostgreSQL server that reports the data directory "
                    + ghost.dataDirectory() + " although that directory is gone, but its process "
                    + (pid > 0 ? ProcessNames.describe(pid) : "is unknown") + " cannot be proven to be it here (this"
                    + " check needs Linux's /proc): it was not signalled. Stop it by its pid once you have checked it.");
            return;
        }
        Installation installation = BinaryCache.resolve(options.binaries(), options.cacheDirectory());
        if (Ghosts.stop(installation, pid, options.startTimeout())) {
            done.add("Stopped a server of this instance whose data directory " + ghost.dataDirectory() + " is gone"
                    + " (deleted or moved while it ran; pid " + pid + ", port " + ghost.port() + ").");
        } else {
            refused.add("The server of this instance on port " + ghost.port() + " (pid " + pid + "), whose data directory"
                    + " is gone, did not stop within " + options.startTimeout().toSeconds() + " s.");
        }
    }

    private static ServerStatus look(EmbeddedPostgresOptions options, ServerStatus.Usage usage) {
        Path dir = options.dataDirectory();
        List<ServerStatus.Ghost> ghosts = Ghosts.find(options);
        Path lockFile = dir.resolve(PidFile.NAME);
        if (!Files.exists(lockFile)) {
            return status(options, ServerStatus.Server.NOT_RUNNING, Optional.empty(), usage, ghosts);
        }
        Optional<PidFile> pidFile = PidFile.read(dir);
        if (pidFile.isEmpty() || pidFile.get().pid() <= 0) {
            return status(options, ServerStatus.Server.UNREADABLE, Optional.empty(), usage, ghosts);
        }
        PidFile lock = pidFile.get();
        if (!ProcessHandle.of(lock.pid()).map(ProcessHandle::isAlive).orElse(false)) {
            return status(options, ServerStatus.Server.STALE, pidFile, usage, ghosts);
        }
        ServerProbe.Answer answer = lock.port().isPresent()
                ? ServerProbe.probe(lock.port().getAsInt(), options.superuser(), options.password(), realPath(dir)).answer()
                : ServerProbe.Answer.NONE;
        ServerStatus.Server server = switch (answer) {
            case OURS -> ServerStatus.Server.RUNNING;
            case STARTING -> ServerStatus.Server.STARTING;
            default -> ServerStatus.Server.NOT_PROVEN;
        };
        return status(options, server, pidFile, usage, ghosts);
    }

    private static ServerStatus status(EmbeddedPostgresOptions options, ServerStatus.Server server,
                                       Optional<PidFile> lock, ServerStatus.Usage usage, List<ServerStatus.Ghost> ghosts) {
        OptionalLong pid = lock.map(l -> OptionalLong.of(l.pid())).orElse(OptionalLong.empty());
        OptionalInt port = lock.map(PidFile::port).orElse(OptionalInt.empty());
        String program = lock.flatMap(l -> ProcessNames.of(l.pid())).orElse("");
        return new ServerStatus(options.dataDirectory(), server, pid, port, program, usage, ghosts);
    }

    private static Path realPath(Path dir) {
        try {
            return dir.toRealPath();
        } catch (java.io.IOException e) {
            return dir.toAbsolutePath().normalize();
        }
    }
}
