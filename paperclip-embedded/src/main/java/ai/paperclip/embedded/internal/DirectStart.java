package ai.paperclip.embedded.internal;

import ai.paperclip.embedded.PostgresPlatform;
import ai.paperclip.embedded.PostgresStartException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts {@code postgres} itself instead of {@code pg_ctl start -w}, on Linux: one process fewer ({@code pg_ctl}
 * and its {@code sh}), and readiness seen within {@value #READY_POLL_MILLIS} ms instead of on {@code pg_ctl}'s
 * 100 ms steps. Readiness is {@code pg_ctl}'s own rule: the server's {@code postmaster.pid} names the process
 * started here and its status line (the 8th) says {@code ready} (or {@code standby}); the process ending first
 * is a failed start, whose reason is in the log. Hand-written because no library starts a PostgreSQL server
 * detached: the server must outlive this JVM exactly as one started by {@code pg_ctl}, which other processes
 * may go on using and whose last user stops it. So, as {@code pg_ctl} does, it runs in a session of its own
 * ({@code setsid}, util-linux like {@code unshare}), with stdin from {@code /dev/null} and stdout and stderr
 * appended to the log file: no pipe to this JVM, no signal from its terminal. {@code setsid} execs without
 * forking (a child of the JVM is no process group leader), so the pid seen here is the postmaster's.
 * Elsewhere, or without {@code setsid}, {@link PgCtl} starts the server.
 */
public final class DirectStart {

    /** How often the lock file is looked at while the server starts: it is a read of a 100-byte file. */
    static final long READY_POLL_MILLIS = 2;

    // The absolute path of setsid, or "" where a direct start is not possible; found once per JVM.
    private static volatile String setsid;

    private final Process process;
    private final Path dataDirectory;

    private DirectStart(Process process, Path dataDirectory) {
        this.process = process;
        this.dataDirectory = dataDirectory;
    }

    /** What became of a start: ready (with its lock file), ended, or still starting at the deadline. */
    public record Outcome(Optional<PidFile> ready, String failure) {
        public boolean ok() {
            return ready.isPresent();
        }
    }

    /** True on Linux with {@code setsid} on the {@code PATH}; decided once per JVM, without running anything. */
    public static boolean available() {
        return !setsid().isEmpty();
    }

    private static String setsid() {
        String known = setsid;
        if (known == null) {
            known = PostgresPlatform.current().os().equals("linux") ? onPath("setsid").orElse("") : "";
            setsid = known;
        }
        return known;
    }

    /**
     * Spawns the server on 127.0.0.1:{@code port} only (no Unix socket), with the same options {@code pg_ctl}
     * would pass, and returns at once: {@link #awaitReady(Duration)} waits for it.
     */
    public static DirectStart spawn(Installation installation, Path dataDirectory, int port, Path logFile,
                                    Map<String, String> settings) {
        List<String> postgres = new ArrayList<>(List.of(setsid(), installation.bin("postgres").toString(),
                "-D", dataDirectory.toString(), "-p", Integer.toString(port),
                "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="));
        settings.forEach((name, value) -> postgres.addAll(List.of("-c", name + "=" + value)));
        List<String> command = ProcessRunner.wrap(postgres);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectErrorStream(true);
        ProcessRunner.cleanEnvironment(builder.environment());
        try {
            return new DirectStart(builder.start(), dataDirectory);
        } catch (IOException e) {
            throw new PostgresStartException("Cannot run " + command.get(0) + ": " + e.getMessage(), List.of(), e);
        }
    }

    /** The postmaster's pid. */
    public long pid() {
        return process.pid();
    }

    /**
     * Waits until the server accepts connections, its process ends (a failed start), or {@code timeout} passes. A
     * server still starting at the deadline (a long crash recovery) is left running, as {@code pg_ctl -w} leaves
     * it: the next start finds it starting and waits for it.
     */
    public Outcome awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<PidFile> lock = PidFile.read(dataDirectory);
            if (lock.isPresent() && lock.get().pid() == process.pid()
                    && (lock.get().status().equals("ready") || lock.get().status().equals("standby"))) {
                return new Outcome(lock, "");
            }
            if (!process.isAlive()) {
                return new Outcome(Optional.empty(), "postgres exited with status " + process.exitValue());
            }
            if (System.nanoTime() > deadline) {
                return new Outcome(Optional.empty(), "postgres (pid " + process.pid() + ") did not accept"
                        + " connections within " + Math.max(1, timeout.toSeconds()) + " s and is left running; the"
                        + " next start waits for it");
            }
            try {
                Thread.sleep(READY_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(Optional.empty(), "interrupted while postgres (pid " + process.pid()
                        + ") started; it is left running");
            }
        }
    }

    private static Optional<String> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return Optional.of(Path.of(dir, program).toAbsolutePath().toString());
            }
        }
        return Optional.empty();
    }
}
