package ai.paperclip.embedded.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * PostgreSQL's {@code postmaster.pid}, read only: this library never writes or deletes it. Lines:
 * pid, data directory, start time, port, socket directory, listen address, shared memory key, status.
 */
public record PidFile(long pid, String dataDirectory, OptionalInt port, String status) {

    public static final String NAME = "postmaster.pid";

    /** The lock file of {@code dataDirectory}, if present and readable. */
    public static Optional<PidFile> read(Path dataDirectory) {
        List<String> lines;
        try {
            lines = Files.readAllLines(dataDirectory.resolve(NAME));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.of(new PidFile(-1, "", OptionalInt.empty(), ""));
        }
        OptionalInt port = OptionalInt.empty();
        if (lines.size() > 3) {
            try {
                port = OptionalInt.of(Integer.parseInt(lines.get(3).trim()));
            } catch (NumberFormatException ignored) {
                // A lock file still being written: no port yet.
            }
        }
        return Optional.of(new PidFile(pid, lines.size() > 1 ? lines.get(1) : "", port,
                lines.size() > 7 ? lines.get(7).trim() : ""));
    }

    /** True when the named process is alive and its executable is called {@code postgres}. */
    public boolean isAlivePostgres() {
        return (pid > 0 ? ProcessHandle.of(pid) : Optional.<ProcessHandle>empty())
                .filter(ProcessHandle::isAlive)
                .flatMap(h -> h.info().command())
                .map(command -> command.equals("postgres") || command.endsWith("/postgres"))
                .orElse(false);
    }

    /** "alive (command: ...)" or "not running", for messages. */
    public String describeProcess() {
        Optional<ProcessHandle> handle = pid > 0 ? ProcessHandle.of(pid) : Optional.empty();
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return "process " + pid + " is not running";
        }
        String command = handle.get().info().commandLine().or(() -> handle.get().info().command()).orElse("unknown");
        return "process " + pid + " is alive (command: " + command + ")";
    }
}
