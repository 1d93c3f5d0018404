package ai.paperclip.embedded;

import ai.paperclip.embedded.internal.BinaryCache;
import ai.paperclip.embedded.internal.Installation;
import ai.paperclip.embedded.internal.PgCtl;
import ai.paperclip.embedded.internal.ProcessRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** What the process list says about postmasters, and a way to stop one the tests left running. */
final class Postmasters {

    private Postmasters() {
    }

    /**
     * Pids of postmaster processes whose command line names {@code -D realDataDirectory}. A backend
     * the postmaster has just forked carries the same command line until it renames itself, so a
     * process whose parent is one of the matches is a child, not a second postmaster.
     */
    static List<Long> on(Path realDataDirectory) throws IOException {
        List<Long> matches;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            matches = procs.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .filter(p -> isPostmasterFor(p.resolve("cmdline"), realDataDirectory.toString()))
                    .map(p -> Long.parseLong(p.getFileName().toString()))
                    .toList();
        }
        // A backend just forked still shows its postmaster's command line until it sets its own title; it is
        // told apart by its parent. One that has already ended (a connection refused with 57P03 lives for
        // milliseconds) has no handle, and is no postmaster either.
        return matches.stream()
                .filter(pid -> ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                        .map(h -> h.parent().map(parent -> !matches.contains(parent.pid())).orElse(true))
                        .orElse(false))
                .toList();
    }

    private static boolean isPostmasterFor(Path cmdline, String dir) {
        try {
            List<String> args = Arrays.asList(new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).split("\0"));
            int d = args.indexOf("-D");
            return !args.isEmpty() && args.get(0).endsWith("/bin/postgres") && d >= 0 && d + 1 < args.size()
                    && args.get(d + 1).equals(dir);
        } catch (IOException e) {
            return false; // the process ended meanwhile
        }
    }

    /** pg_ctl stop for a server no handle of this JVM owns (a reused or orphaned one). */
    static void stop(Path dataDirectory) {
        Installation installation = BinaryCache.resolve(PostgresBinaries.bundled(), TestHomes.CACHE);
        new PgCtl(installation, dataDirectory).stop(Duration.ofSeconds(60));
    }

    /** pg_ctl start as a person would run it by hand, without this library's start-up (and so without its record). */
    static void startByHand(Path dataDirectory, int port) {
        Installation installation = BinaryCache.resolve(PostgresBinaries.bundled(), TestHomes.CACHE);
        ProcessRunner.Result result = new PgCtl(installation, dataDirectory).start(port,
                dataDirectory.resolveSibling("by-hand.log"), Duration.ofSeconds(60));
        if (!result.ok()) {
            throw new AssertionError("pg_ctl start failed: " + result.output());
        }
    }

    /** Waits (at most 30 s) until process {@code pid} is gone. */
    static void awaitExit(long pid) throws InterruptedException {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty()) {
            return;
        }
        try {
            process.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("process " + pid + " did not exit", e);
        }
    }
}
