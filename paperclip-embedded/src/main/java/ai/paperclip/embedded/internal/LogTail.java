package ai.paperclip.embedded.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The last lines of PostgreSQL's log, and a hint for the failures we know. */
public final class LogTail {

    /** How many log lines an error carries. */
    public static final int LINES = 20;
    private static final int MAX_BYTES = 64 * 1024;

    private LogTail() {
    }

    /** The last {@link #LINES} lines of {@code log}, or an empty list when it cannot be read. */
    public static List<String> read(Path log) {
        return since(log, 0);
    }

    /** The lines written to {@code log} after byte {@code offset} (the last {@link #LINES} of them). */
    public static List<String> since(Path log, long offset) {
        if (log == null || !Files.isRegularFile(log)) {
            return List.of();
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(offset, file.length() - MAX_BYTES);
            if (start >= file.length()) {
                return List.of();
            }
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            return lines.subList(Math.max(0, lines.size() - LINES), lines.size());
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The lines as a message block, or an empty string. */
    public static String format(List<String> lines) {
        if (lines.isEmpty()) {
            return "";
        }
        return "Last lines of the PostgreSQL log:\n  " + String.join("\n  ", lines) + "\n";
    }

    /** A hint for a known cause found in {@code lines}, or an empty string. */
    public static String hint(List<String> lines) {
        String text = String.join("\n", lines).toLowerCase(Locale.ROOT);
        if (text.contains("shared memory") || text.contains("shmget") || text.contains("could not map anonymous")) {
            return "Hint: PostgreSQL could not get shared memory. In a container give it more /dev/shm"
                    + " (docker run --shm-size=256m) or raise kernel.shmmax/kernel.shmall.";
        }
        if (text.contains("address already in use") || text.contains("could not bind")
                || text.contains("could not create any tcp/ip sockets")) {
            return "Hint: the port is taken, or reserved by the operating system (on Windows see"
                    + " 'netsh interface ipv4 show excludedportrange protocol=tcp'). Choose another port with"
                    + " database.embeddedPostgresPort in config.json.";
        }
        if (text.contains("root") && (text.contains("cannot be run") || text.contains("not permitted"))) {
            return "Hint: PostgreSQL refuses to run as root. Run as a non-root user, or allow user namespaces"
                    + " so that 'unshare -U' works.";
        }
        if (text.contains("incompatible with server")) {
            return "Hint: the data directory was made by another PostgreSQL major version. Use matching binaries,"
                    + " or back up and reset the data directory.";
        }
        if (text.contains("no space left on device")) {
            return "Hint: the disk is full. Free space, then start again.";
        }
        if (text.contains("permission denied") || text.contains("wrong ownership") || text.contains("invalid permissions")) {
            return "Hint: PostgreSQL cannot use the data directory's files: it must be owned by the user running"
                    + " the application, with mode 0700.";
        }
        return "";
    }
}
