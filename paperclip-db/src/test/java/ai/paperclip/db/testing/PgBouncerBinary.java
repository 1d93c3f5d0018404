package ai.paperclip.db.testing;

import com.sun.security.auth.module.UnixSystem;
import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds the {@code pgbouncer} program the pooler tests run: the file named by
 * {@value #ENV_VARIABLE}, else {@code pgbouncer} on {@code PATH}, else where Debian's package put it.
 * When it is nowhere and the machine can install it (Linux with {@code apt-get}, as root or with
 * passwordless {@code sudo}), Debian's {@code pgbouncer} package is installed once, so that the
 * README's test command needs no step of its own; concurrent test JVMs serialise on a file lock.
 * Otherwise the error says what to install and how.
 *
 * <p>Hand-written: installing a system package from a test is not something a test library does.
 */
public final class PgBouncerBinary {

    /** Names the {@code pgbouncer} executable to use, overriding the search. */
    public static final String ENV_VARIABLE = "PAPERCLIP_TEST_PGBOUNCER";
    private static final String PROGRAM = "pgbouncer";
    private static final String PACKAGE = "pgbouncer";
    private static final long INSTALL_TIMEOUT_MINUTES = 10;

    private static Path found;

    private PgBouncerBinary() {
    }

    /** The program to run, installing Debian's package first when it is missing and that is possible. */
    public static synchronized Path require() {
        if (found == null) {
            found = locate(System.getenv(), true);
        }
        return found;
    }

    /**
     * The search, without caching. With {@code systemPackages} false only the variable and {@code PATH}
     * are looked at (nothing is asked of dpkg, nothing is installed).
     */
    static Path locate(Map<String, String> env, boolean systemPackages) {
        String override = env.get(ENV_VARIABLE);
        if (override != null && !override.isBlank()) {
            Path path = Path.of(override);
            if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
                throw new AssertionError(ENV_VARIABLE + "=" + override + " is not an executable file. Point it at"
                        + " the pgbouncer program (for example the output of 'command -v pgbouncer'), or unset it"
                        + " to search PATH.");
            }
            return path;
        }
        Optional<Path> onPath = onPath(env.getOrDefault("PATH", ""));
        if (onPath.isPresent() || !systemPackages) {
            return onPath.orElseThrow(() -> new AssertionError(missing(env, "")));
        }
        Optional<Path> packaged = installedPackage();
        if (packaged.isPresent()) {
            return packaged.get();
        }
        Optional<List<String>> privilege = installPrivilege();
        if (privilege.isEmpty()) {
            throw new AssertionError(missing(env, ""));
        }
        String failure = installOnce(privilege.get());
        return onPath(env.getOrDefault("PATH", "")).or(PgBouncerBinary::installedPackage)
                .orElseThrow(() -> new AssertionError(missing(env, failure)));
    }

    /** The first executable {@code pgbouncer} in the directories of {@code path}. */
    static Optional<Path> onPath(String path) {
        for (String directory : path.split(File.pathSeparator)) {
            if (directory.isBlank()) {
                continue;
            }
            Path candidate = Path.of(directory, PROGRAM);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Debian's package installs into /usr/sbin, which a non-root user's PATH lacks: ask dpkg where. */
    private static Optional<Path> installedPackage() {
        Result listing = run(List.of("dpkg-query", "-L", PACKAGE));
        if (listing.exitCode != 0) {
            return Optional.empty();
        }
        return listing.output.lines()
                .filter(line -> line.endsWith("/" + PROGRAM))
                .map(Path::of)
                .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p))
                .findFirst();
    }

    /** The command prefix that runs apt-get as root ({@code []} or {@code [sudo, -n]}), if this machine has one. */
    private static Optional<List<String>> installPrivilege() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        if (!linux || run(List.of("apt-get", "--version")).exitCode != 0) {
            return Optional.empty();
        }
        if (new UnixSystem().getUid() == 0) {
            return Optional.of(List.of());
        }
        return run(List.of("sudo", "-n", "true")).exitCode == 0 ? Optional.of(List.of("sudo", "-n")) : Optional.empty();
    }

    /**
     * apt-get update, then install, under a file lock that other test JVMs (the modules' Failsafe runs)
     * wait on; the one that waited finds the program installed. Returns the failure output, or "".
     */
    private static String installOnce(List<String> privilege) {
        Path lockFile = Path.of(System.getProperty("java.io.tmpdir"), "paperclip-pgbouncer-install.lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            if (installedPackage().isPresent()) {
                return "";
            }
            for (List<String> step : List.of(List.of("apt-get", "update", "-qq"),
                    List.of("apt-get", "install", "-y", "-qq", "--no-install-recommends", PACKAGE))) {
                List<String> command = new ArrayList<>(privilege);
                command.addAll(List.of("env", "DEBIAN_FRONTEND=noninteractive"));
                command.addAll(step);
                Result result = run(command);
                if (result.exitCode != 0) {
                    return String.join(" ", command) + " failed (exit " + result.exitCode + "):\n" + result.output;
                }
            }
            return "";
        } catch (IOException e) {
            return "cannot lock " + lockFile + ": " + e.getMessage();
        }
    }

    static String missing(Map<String, String> env, String installFailure) {
        return "PgBouncer is not installed: the pooler tests run a real one in front of PostgreSQL."
                + (installFailure.isEmpty() ? "" : "\nInstalling it failed: " + installFailure.strip())
                + "\nInstall it, then run the tests again:"
                + "\n  Debian/Ubuntu:   sudo apt-get install -y pgbouncer"
                + "\n  macOS:           brew install pgbouncer"
                + "\n  Fedora/RHEL:     sudo dnf install -y pgbouncer"
                + "\nor set " + ENV_VARIABLE + " to the pgbouncer executable. Looked on PATH ("
                + env.getOrDefault("PATH", "") + "). On Linux with apt-get, the tests install it themselves when"
                + " they run as root or with passwordless sudo.";
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(INSTALL_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new Result(-1, String.join(" ", command) + " did not finish in " + INSTALL_TIMEOUT_MINUTES
                        + " minutes");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }
}
