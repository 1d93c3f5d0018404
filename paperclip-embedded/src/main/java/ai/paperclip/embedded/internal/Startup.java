package ai.paperclip.embedded.internal;

import ai.paperclip.embedded.DataDirectoryException;
import ai.paperclip.embedded.EmbeddedPostgresOptions;
import ai.paperclip.embedded.PostgresStartException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start decision, made under {@link StartLock}: create the cluster if there is none, reuse a
 * server whose identity is proven, wait out one that is starting, else start one ({@link DirectStart}, or
 * {@code pg_ctl} where it cannot) on the first free port of the range. PostgreSQL's own lock logic decides whether a
 * {@code postmaster.pid} is stale; this class never deletes it.
 */
public final class Startup {

    private static final Logger LOG = LoggerFactory.getLogger(Startup.class);
    private static final long POLL_MILLIS = 100;

    /** The running server: its port, its postmaster's pid, and whether this call started it. */
    public record Outcome(Installation installation, Path realDataDirectory, int port, long pid, boolean startedHere) {
    }

    private final EmbeddedPostgresOptions options;
    private final long deadline;

    private Startup(EmbeddedPostgresOptions options) {
        this.options = options;
        this.deadline = System.nanoTime() + options.startTimeout().toNanos();
    }

    /** Call with the {@link StartLock} of the data directory held. */
    public static Outcome run(EmbeddedPostgresOptions options) {
        return new Startup(options).run();
    }

    private Outcome run() {
        Installation installation = BinaryCache.resolve(options.binaries(), options.cacheDirectory());
        Path dataDirectory = options.dataDirectory();
        boolean created = false;
        if (!Files.isRegularFile(dataDirectory.resolve("PG_VERSION"))) {
            requireEmpty(dataDirectory);
            ClusterInitializer.initialize(installation, dataDirectory, options.superuser(), options.password(),
                    options.databaseName(), options.clusterTemplateCache() ? options.cacheDirectory() : null,
                    new PortRange(options.port(), options.lastPort(), options.portSetting()), options.startTimeout());
            created = true;
        } else {
            requireMajorVersion(installation, dataDirectory);
        }
        Path real = realPath(dataDirectory);
        if (!created) {
            Optional<Outcome> running = findRunning(installation, real);
            if (running.isPresent()) {
                return running.get();
            }
        }
        return start(installation, real);
    }

    /** A server already running on this directory, proven by identity, after waiting out 57P03. */
    private Optional<Outcome> findRunning(Installation installation, Path real) {
        while (true) {
            Optional<PidFile> pidFile = PidFile.read(real);
            if (pidFile.isEmpty() || pidFile.get().port().isEmpty()) {
                return Optional.empty();
            }
            int port = pidFile.get().port().getAsInt();
            ServerProbe.Result probe = ServerProbe.probe(port, options.superuser(), options.password(), real);
            switch (probe.answer()) {
                case OURS -> {
                    LOG.info("Reusing the PostgreSQL server already running for {} on 127.0.0.1:{} (pid {};"
                            + " identity proven by its data_directory); it is left running at close", real, port,
                            pidFile.get().pid());
                    return Optional.of(new Outcome(installation, real, port, pidFile.get().pid(), false));
                }
                case STARTING -> {
                    LOG.info("The PostgreSQL server for {} is starting or recovering (57P03) on port {}; waiting",
                            real, port);
                    pause("the server for " + real + " on port " + port + " is still starting up or in crash"
                            + " recovery (SQLSTATE 57P03)");
                }
                default -> {
                    LOG.debug("No server proven to serve {}: {}", real, probe.detail());
                    return Optional.empty();
                }
            }
        }
    }

    private Outcome start(Installation installation, Path real) {
        Path log = options.logFile();
        createLogDirectory(log);
        for (int port = options.port(); port <= options.lastPort(); port++) {
            if (!Ports.isFree(port)) {
                reportTakenPort(port, real);
                continue;
            }
            while (true) {
                long logOffset = sizeOf(log);
                Attempt attempt = launch(installation, real, port, log);
                List<String> lines = LogTail.read(log);
                List<String> newLines = LogTail.since(log, logOffset);
                if (attempt.started()) {
                    Optional<PidFile> started = attempt.lock();
                    started.ifPresent(lock -> StartedMark.record(options.dataDirectory(), lock));
                    long pid = started.map(PidFile::pid).orElse(-1L);
                    if (port != options.port()) {
                        LOG.info("Port {} was taken; the embedded PostgreSQL uses port {} instead ({} sets the"
                                + " first port)", options.port(), port, options.portSetting());
                    }
                    LOG.info("Started PostgreSQL {} for {} on 127.0.0.1:{} (pid {})", installation.version(), real,
                            port, pid);
                    return new Outcome(installation, real, port, pid, true);
                }
                String text = String.join("\n", newLines);
                if (PortRange.bindFailed(newLines)) {
                    LOG.info("Port {} was taken while PostgreSQL started; trying the next port", port);
                    break;
                }
                if (text.contains("lock file \"postmaster.pid\" already exists")) {
                    Optional<Outcome> running = findRunning(installation, real);
                    if (running.isPresent()) {
                        return running.get();
                    }
                    throw lockHeld(real, newLines);
                }
                if (text.contains("pre-existing shared memory block")) {
                    // Backends of a killed postmaster are still exiting; PostgreSQL refuses until they are gone.
                    pause("backends of a previous server of " + real + " still hold its shared memory");
                    continue;
                }
                List<String> shown = newLines.isEmpty() ? lines : newLines;
                throw new PostgresStartException("PostgreSQL " + installation.version() + " did not start for " + real
                        + " on port " + port + " (" + attempt.failure() + ", log " + log + ").\n"
                        + LogTail.format(shown) + LogTail.hint(shown), shown);
            }
        }
        throw new PortRange(options.port(), options.lastPort(), options.portSetting()).noneFree("the embedded PostgreSQL");
    }

    /** One start of the server on {@code port}: its lock file when it accepts connections, else why not. */
    private record Attempt(Optional<PidFile> lock, boolean started, String failure) {
    }

    /**
     * {@code postgres} spawned directly where {@link DirectStart} can ({@link DriverWarmUp} runs while it
     * starts), else {@code pg_ctl start -w}.
     */
    private Attempt launch(Installation installation, Path real, int port, Path log) {
        if (DirectStart.available()) {
            DirectStart spawned = DirectStart.spawn(installation, real, port, log, options.serverSettings());
            // The caller's first connection follows the start: its JVM work is done while the server starts.
            DriverWarmUp.run();
            DirectStart.Outcome outcome = spawned.awaitReady(remaining());
            return new Attempt(outcome.ready(), outcome.ok(), outcome.failure());
        }
        ProcessRunner.Result result = new PgCtl(installation, real).start(port, log, remaining(), options.serverSettings());
        return new Attempt(result.ok() ? PidFile.read(real) : Optional.empty(), result.ok(),
                "pg_ctl exit " + result.exitCode());
    }

    /** A taken port is usually another program's; a ghost of this instance holding it is worth a warning. */
    private void reportTakenPort(int port, Path real) {
        ServerProbe.Result probe = ServerProbe.probe(port, options.superuser(), options.password(), real);
        if (probe.answer() == ServerProbe.Answer.GHOST) {
            LOG.warn("Port {} is held by a PostgreSQL server of this instance whose data directory {} is gone (deleted or"
                    + " moved while it ran{}); it keeps the port, so trying port {}. Stop it with 'paperclip-migrate"
                    + " stop' (or EmbeddedPostgres.stop(options))", port, real,
                    probe.serverPid().isPresent() ? ", pid " + probe.serverPid().getAsLong() : "", port + 1);
        } else {
            LOG.info("Port {} is in use by another program; trying port {}", port, port + 1);
        }
    }

    private PostgresStartException lockHeld(Path real, List<String> lines) {
        Optional<PidFile> pidFile = PidFile.read(real);
        String process = pidFile.map(PidFile::describeProcess).orElse("the lock file is gone now");
        String verdict = pidFile.isEmpty() || process.contains("is not running")
                ? "stale (start again: PostgreSQL will clear it)"
                : pidFile.get().isAlivePostgres() ? "running elsewhere" : "cannot tell";
        return new PostgresStartException("Not starting a second PostgreSQL on " + real + ": its lock file "
                + PidFile.NAME + " may be live (" + verdict + "): " + process + ", and no server proven to serve"
                + " this data directory answers on the port it names. If that process is a PostgreSQL server for"
                + " this directory (another container, user or namespace), stop it or connect to it. If it is not"
                + " (its pid was reused after a reboot), make sure no server uses the directory, then remove "
                + real.resolve(PidFile.NAME) + " yourself: this library never deletes it.\n" + LogTail.format(lines),
                lines);
    }

    private static void requireEmpty(Path dataDirectory) {
        try {
            if (Files.exists(dataDirectory) && !Files.isDirectory(dataDirectory)) {
                throw new DataDirectoryException(dataDirectory + " is a file, not a directory. Move it away or"
                        + " choose another data directory (database.embeddedPostgresDataDir).");
            }
            if (!FileTrees.isEmptyDirectory(dataDirectory)) {
                String entries;
                try (Stream<Path> list = Files.list(dataDirectory)) {
                    entries = list.map(p -> p.getFileName().toString()).sorted().limit(10)
                            .collect(Collectors.joining(", "));
                }
                throw new DataDirectoryException(dataDirectory + " is not empty but holds no PostgreSQL cluster"
                        + " (no PG_VERSION); it contains: " + entries + ". Nothing was changed. Move these files"
                        + " away, or choose another data directory (database.embeddedPostgresDataDir).");
            }
        } catch (IOException e) {
            throw new DataDirectoryException("Cannot read " + dataDirectory + ": " + e.getMessage(), e);
        }
    }

    private static void requireMajorVersion(Installation installation, Path dataDirectory) {
        String found;
        try {
            found = Files.readString(dataDirectory.resolve("PG_VERSION")).strip();
        } catch (IOException e) {
            throw new DataDirectoryException("Cannot read " + dataDirectory.resolve("PG_VERSION") + ": " + e.getMessage(), e);
        }
        if (!found.equals(installation.majorVersion())) {
            throw new DataDirectoryException(dataDirectory + " holds a PostgreSQL " + found + " cluster, but the"
                    + " binaries are PostgreSQL " + installation.version() + ". Use PostgreSQL " + found
                    + " binaries, or back up the data (pg_dump), reset the data directory and restore.");
        }
    }

    private static Path realPath(Path dataDirectory) {
        try {
            return dataDirectory.toRealPath();
        } catch (IOException e) {
            throw new DataDirectoryException("Cannot resolve " + dataDirectory + ": " + e.getMessage(), e);
        }
    }

    private void pause(String reason) {
        if (System.nanoTime() > deadline) {
            throw new PostgresStartException("Gave up after " + options.startTimeout().toSeconds() + " s: " + reason
                    + ". Raise startTimeout if the server needs longer (a long crash recovery), or look at the log "
                    + options.logFile() + ".\n" + LogTail.format(LogTail.read(options.logFile())),
                    LogTail.read(options.logFile()));
        }
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PostgresStartException("Interrupted while waiting: " + reason, List.of(), e);
        }
    }

    private Duration remaining() {
        return Duration.ofNanos(Math.max(Duration.ofSeconds(5).toNanos(), deadline - System.nanoTime()));
    }

    private static void createLogDirectory(Path log) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new PostgresStartException("Cannot create the log directory " + log.getParent() + ": "
                    + e.getMessage(), List.of(), e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
