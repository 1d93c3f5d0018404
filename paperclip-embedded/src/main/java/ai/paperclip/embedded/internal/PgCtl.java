package ai.paperclip.embedded.internal;

import ai.paperclip.embedded.PostgresStartException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code pg_ctl} for one data directory: start, stop and status. */
public final class PgCtl {

    /** How often a stop looks whether the server is gone. */
    static final long STOP_POLL_MILLIS = 2;

    private final Installation installation;
    private final Path dataDirectory;

    public PgCtl(Installation installation, Path dataDirectory) {
        this.installation = installation;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts the server listening on 127.0.0.1:{@code port} only (no Unix socket, so no lock file in
     * /tmp is shared with other servers) and waits until it accepts connections or gives up.
     */
    public ProcessRunner.Result start(int port, Path logFile, Duration timeout) {
        return start(port, logFile, timeout, Map.of());
    }

    /** As {@link #start(int, Path, Duration)}, with extra {@code -c name=value} settings (validated by the builder). */
    public ProcessRunner.Result start(int port, Path logFile, Duration timeout, Map<String, String> settings) {
        StringBuilder options = new StringBuilder("-p " + port
                + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''");
        settings.forEach((name, value) -> options.append(" -c ").append(name).append('=').append(value));
        return ProcessRunner.run(List.of(pgCtl(), "start", "-w", "-t", Long.toString(Math.max(1, timeout.toSeconds())),
                "-D", dataDirectory.toString(), "-l", logFile.toString(), "-o", options.toString()), timeout.plusSeconds(10));
    }

    /**
     * A fast shutdown (the SIGINT {@code pg_ctl stop -m fast} sends; by {@code kill} on Linux): rolls back open
     * transactions, checkpoints, exits cleanly. Returns once the server is gone, by {@code pg_ctl}'s own rule
     * (its lock file removed, or its postmaster no longer alive), watched here every {@value #STOP_POLL_MILLIS}
     * ms: {@code pg_ctl -w} looks only every 100 ms, which was most of a stop's time. Should the server outlast
     * {@code timeout}, {@code pg_ctl -w} takes over and reports it.
     */
    public ProcessRunner.Result stop(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<PidFile> before = PidFile.read(dataDirectory);
        ProcessRunner.Result signalled = signalFastShutdown(before, timeout);
        if (!signalled.ok() || before.isEmpty()) {
            return signalled.ok() ? waitingStop(timeout) : signalled;
        }
        long pid = before.get().pid();
        while (System.nanoTime() < deadline) {
            if (!Files.exists(dataDirectory.resolve(PidFile.NAME))
                    || !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                return new ProcessRunner.Result(0, signalled.output());
            }
            try {
                Thread.sleep(STOP_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return waitingStop(Duration.ofSeconds(5));
    }

    /**
     * SIGINT, PostgreSQL's fast shutdown, to the postmaster the lock file names: what {@code pg_ctl stop -m fast}
     * sends, by {@code kill} directly on Linux (one small process instead of {@code unshare}, {@code pg_ctl}), only
     * to a live {@code postgres}; {@code pg_ctl stop --no-wait} elsewhere, or when {@code kill} cannot be run.
     */
    private ProcessRunner.Result signalFastShutdown(Optional<PidFile> lock, Duration timeout) {
        if (DirectStart.available() && lock.isPresent() && ProcessNames.isAlivePostgres(lock.get().pid())) {
            try {
                ProcessRunner.Result killed = ProcessRunner.runAsIs(List.of("kill", "-INT",
                        Long.toString(lock.get().pid())), timeout.plusSeconds(10));
                if (killed.ok()) {
                    return killed;
                }
            } catch (PostgresStartException e) {
                // No kill program: pg_ctl sends the same signal.
            }
        }
        return ProcessRunner.run(List.of(pgCtl(), "stop", "-m", "fast", "--no-wait", "-D",
                dataDirectory.toString()), timeout.plusSeconds(10));
    }

    private ProcessRunner.Result waitingStop(Duration timeout) {
        return ProcessRunner.run(List.of(pgCtl(), "stop", "-m", "fast", "-w", "-t",
                Long.toString(Math.max(1, timeout.toSeconds())), "-D", dataDirectory.toString()), timeout.plusSeconds(10));
    }

    /**
     * {@code pg_ctl kill INT <pid>}: a fast shutdown of a postmaster that has no lock file to stop it by (its
     * directory is gone). Runs as PostgreSQL's programs run here (under {@code unshare -U} as root), so it may
     * signal exactly the processes the library itself starts. Call it only for a pid proven to be a postmaster.
     */
    public ProcessRunner.Result fastShutdown(long pid) {
        return ProcessRunner.run(List.of(pgCtl(), "kill", "INT", Long.toString(pid)), Duration.ofSeconds(30));
    }

    /** True when pg_ctl sees a live process named by the lock file (exit 0); false for exit 3 (none). */
    public boolean isRunning() {
        return ProcessRunner.run(List.of(pgCtl(), "status", "-D", dataDirectory.toString()), Duration.ofSeconds(30)).ok();
    }

    private String pgCtl() {
        return installation.bin("pg_ctl").toString();
    }
}
