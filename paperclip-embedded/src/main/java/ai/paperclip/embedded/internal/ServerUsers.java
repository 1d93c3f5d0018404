package ai.paperclip.embedded.internal;

import ai.paperclip.embedded.DataDirectoryException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Who uses the server of a data directory, so that only the last user stops it. Every process with
 * an open handle holds a shared OS lock on {@code .<name>.users} beside the data directory; a
 * process that closes its last handle tries to lock the file exclusively, which succeeds only when
 * no other process holds it. The kernel drops a dead process's lock, so a killed user never counts.
 *
 * <p>OS file locks belong to a whole JVM, and closing any channel on a file drops every lock the
 * JVM holds on it: so this class keeps one channel per file and counts the handles of this JVM
 * itself. Every method is called with the directory's {@link StartLock} held, which makes
 * "release the shared lock, try the exclusive one" atomic with respect to other starts and stops.
 */
public final class ServerUsers {

    private static final Map<Path, Users> IN_JVM = new HashMap<>();

    private static final class Users {
        final FileChannel channel;
        FileLock shared;
        int handles;

        Users(FileChannel channel, FileLock shared) {
            this.channel = channel;
            this.shared = shared;
        }
    }

    private ServerUsers() {
    }

    /** The file every user share-locks: {@code .<name>.users} beside the data directory. */
    public static Path file(Path dataDirectory) {
        Path absolute = dataDirectory.toAbsolutePath().normalize();
        return absolute.resolveSibling("." + absolute.getFileName() + ".users");
    }

    /** One more handle of this JVM uses the server; the first takes the shared OS lock. */
    public static void join(Path dataDirectory) {
        Path file = file(dataDirectory);
        synchronized (IN_JVM) {
            Users users = IN_JVM.get(file);
            if (users == null) {
                FileChannel channel = open(file);
                try {
                    users = new Users(channel, channel.lock(0, Long.MAX_VALUE, true));
                } catch (IOException | RuntimeException e) {
                    closeQuietly(channel);
                    throw new DataDirectoryException("Cannot lock " + file + " (every process using the server of "
                            + dataDirectory + " holds it): " + e.getMessage() + ". Check that " + file.getParent()
                            + " is writable.", e);
                }
                IN_JVM.put(file, users);
            }
            users.handles++;
        }
    }

    /**
     * One handle of this JVM fewer. When it was the last one here and no other process uses the
     * server either, {@code whenLast} runs while the exclusive lock is held (no one can start
     * using the server meanwhile) and this returns true.
     */
    public static boolean leave(Path dataDirectory, Runnable whenLast) {
        Path file = file(dataDirectory);
        synchronized (IN_JVM) {
            Users users = IN_JVM.get(file);
            if (users == null) {
                return false;
            }
            if (--users.handles > 0) {
                return false;
            }
            IN_JVM.remove(file);
            try {
                users.shared.release();
                FileLock exclusive = users.channel.tryLock();
                if (exclusive == null) {
                    return false;
                }
                try {
                    whenLast.run();
                    return true;
                } finally {
                    exclusive.release();
                }
            } catch (IOException e) {
                throw new DataDirectoryException("Cannot lock " + file + ": " + e.getMessage(), e);
            } finally {
                closeQuietly(users.channel);
            }
        }
    }

    /** True when a handle of this JVM, or another process, uses the server of the data directory. */
    public static boolean inUse(Path dataDirectory) {
        Path file = file(dataDirectory);
        synchronized (IN_JVM) {
            if (IN_JVM.containsKey(file)) {
                return true;
            }
            if (!Files.exists(file)) {
                return false;
            }
            FileChannel channel = open(file);
            try {
                FileLock probe = channel.tryLock();
                if (probe == null) {
                    return true;
                }
                probe.release();
                return false;
            } catch (IOException e) {
                throw new DataDirectoryException("Cannot lock " + file + ": " + e.getMessage(), e);
            } finally {
                closeQuietly(channel);
            }
        }
    }

    private static FileChannel open(Path file) {
        try {
            Files.createDirectories(file.getParent());
            return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new DataDirectoryException("Cannot open " + file + " (every process using the embedded server holds"
                    + " a lock on it): " + e.getMessage() + ". Check that " + file.getParent() + " is writable.", e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // The locks go with the channel.
        }
    }
}
