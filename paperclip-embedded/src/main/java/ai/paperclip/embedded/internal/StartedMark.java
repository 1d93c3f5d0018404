package ai.paperclip.embedded.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which postmaster this library started for a data directory: {@code .<name>.started} beside it
 * holds that postmaster's pid and start time, copied from its {@code postmaster.pid}. The last user
 * stops a server only when its lock file still names that postmaster: a server someone else started
 * (by hand, or Paperclip's own TypeScript server on the same instance) is reused and left running.
 * Written and read with the {@link StartLock} held.
 */
public final class StartedMark {

    private static final Logger LOG = LoggerFactory.getLogger(StartedMark.class);

    private StartedMark() {
    }

    static Path file(Path dataDirectory) {
        Path absolute = dataDirectory.toAbsolutePath().normalize();
        return absolute.resolveSibling("." + absolute.getFileName() + ".started");
    }

    /** Records that this library started the postmaster {@code lock} names. */
    public static void record(Path dataDirectory, PidFile lock) {
        Path file = file(dataDirectory);
        try {
            Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.writeString(temporary, lock.pid() + "\n" + lock.startTime() + "\n");
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Without the mark the server is treated as someone else's: left running, never stopped wrongly.
            LOG.warn("Cannot write {}: {}; the server will be left running when the last user closes", file,
                    e.getMessage());
        }
    }

    /** The postmaster this library last started for the directory (pid and start time), if recorded. */
    public static Optional<PidFile> read(Path dataDirectory) {
        try {
            String[] lines = Files.readString(file(dataDirectory)).split("\n");
            if (lines.length < 2) {
                return Optional.empty();
            }
            return PidFile.parse(lines[0] + "\n\n" + lines[1] + "\n");
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** True when {@code lock} names the postmaster this library started. */
    public static boolean names(Path dataDirectory, PidFile lock) {
        return read(dataDirectory).map(mark -> mark.sameServerAs(lock)).orElse(false);
    }
}
