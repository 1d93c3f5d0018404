package ai.paperclip.embedded.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * PostgreSQL's {@code postmaster.pid}, read only: this library never writes or deletes it. Lines:
 * pid, data directory, start time, port, socket directory, listen address, shared memory key, status.
 */
public record PidFile(long pid, String dataDirectory, String startTime, OptionalInt port, String status) {

    public static final String NAME = "postmaster.pid";

    /** The lock file of {@code dataDirectory}, if present and readable. */
    public static Optional<PidFile> read(Path dataDirectory) {
        try {
            return parse(Files.readString(dataDirectory.resolve(NAME)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A lock file's text (as the server itself reads it, say); a damaged one gives pid -1. */
    public static Optional<PidFile> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        List<String> lines = text.lines().toList();
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.of(new PidFile(-1, "", "", OptionalInt.empty(), ""));
        }
        OptionalInt port = OptionalInt.empty();
        if (lines.size() > 3) {
            try {
                port = OptionalInt.of(Integer.parseInt(lines.get(3).trim()));
            } catch (NumberFormatException ignored) {
                // A lock file still being written: no port yet.
            }
        }
        return Optional.of(new PidFile(pid, lines.size() > 1 ? lines.get(1) : "", lines.size() > 2 ? lines.get(2).trim() : "",
                port, lines.size() > 7 ? lines.get(7).trim() : ""));
    }

    /** True when both name the same postmaster: the same pid, started at the same second. */
    public boolean sameServerAs(PidFile other) {
        return pid > 0 && pid == other.pid && startTime.equals(other.startTime);
    }

    /** True when the named process is alive and its program is {@code postgres}. */
    public boolean isAlivePostgres() {
        return ProcessNames.isAlivePostgres(pid);
    }

    /** "process N (program) is alive" or "process N is not running", for messages: never its arguments. */
    public String describeProcess() {
        return ProcessNames.describe(pid);
    }
}
