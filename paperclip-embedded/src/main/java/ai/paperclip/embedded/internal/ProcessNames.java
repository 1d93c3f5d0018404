package ai.paperclip.embedded.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The program name of a process, for messages and for telling a postmaster from an unrelated
 * process that reuses its pid. Never its arguments: another program's command line may carry a
 * password ({@code --password=...}), so only the name is ever read or printed. On Linux the name
 * is the kernel's {@code /proc/<pid>/comm}; elsewhere the last segment of the executable's path.
 */
public final class ProcessNames {

    private ProcessNames() {
    }

    /** The program name of a live process, if it can be read. */
    public static Optional<String> of(long pid) {
        if (pid <= 0) {
            return Optional.empty();
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (handle.isEmpty()) {
            return Optional.empty();
        }
        Path comm = Path.of("/proc", Long.toString(pid), "comm");
        try {
            if (Files.isReadable(comm)) {
                String name = Files.readString(comm).strip();
                if (!name.isEmpty()) {
                    return Optional.of(name);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Gone meanwhile, or not readable: fall back to the executable's name.
        }
        return handle.get().info().command().map(command -> Path.of(command).getFileName().toString());
    }

    /** True when {@code pid} is alive and its program is {@code postgres}. */
    public static boolean isAlivePostgres(long pid) {
        return of(pid).map(name -> name.equals("postgres")).orElse(false);
    }

    /** "process N (name) is alive" or "process N is not running": the pid and the program, nothing more. */
    public static String describe(long pid) {
        if (pid <= 0 || !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return "process " + pid + " is not running";
        }
        return "process " + pid + " (" + of(pid).orElse("program unknown") + ") is alive";
    }
}
