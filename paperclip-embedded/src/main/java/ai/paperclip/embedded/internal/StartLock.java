package ai.paperclip.embedded.internal;

import ai.paperclip.embedded.DataDirectoryException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises start, stop and reset of one data directory across threads and processes: a JVM-wide
 * lock plus an OS file lock on {@code .<name>.lock} beside the data directory. The OS releases the
 * file lock when a process dies, so a killed process never leaves it behind; the file itself stays.
 */
public final class StartLock implements AutoCloseable {

    private static final Map<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();
    private static final long POLL_MILLIS = 50;

    private final ReentrantLock jvmLock;
    private final FileChannel channel;
    private final FileLock fileLock;

    private StartLock(ReentrantLock jvmLock, FileChannel channel, FileLock fileLock) {
        this.jvmLock = jvmLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    public static StartLock acquire(Path dataDirectory) {
        Path absolute = dataDirectory.toAbsolutePath().normalize();
        Path lockFile = absolute.resolveSibling("." + absolute.getFileName() + ".lock");
        ReentrantLock jvmLock = IN_JVM.computeIfAbsent(lockFile, k -> new ReentrantLock());
        jvmLock.lock();
        FileChannel channel = null;
        try {
            Files.createDirectories(lockFile.getParent());
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new StartLock(jvmLock, channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            jvmLock.unlock();
            throw new DataDirectoryException("Cannot lock " + lockFile + " (it serialises starts of " + absolute
                    + "): " + e.getMessage() + ". Check that " + lockFile.getParent() + " is writable.", e);
        }
    }

    /**
     * As {@link #acquire}, but gives up after {@code wait}: for looking, which must not hang behind a long start.
     * Polls, since an OS file lock cannot be waited for with a timeout.
     */
    public static Optional<StartLock> tryAcquire(Path dataDirectory, Duration wait) {
        Path absolute = dataDirectory.toAbsolutePath().normalize();
        Path lockFile = absolute.resolveSibling("." + absolute.getFileName() + ".lock");
        ReentrantLock jvmLock = IN_JVM.computeIfAbsent(lockFile, k -> new ReentrantLock());
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            if (!jvmLock.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(lockFile.getParent());
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            while (true) {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return Optional.of(new StartLock(jvmLock, channel, lock));
                }
                if (System.nanoTime() > deadline) {
                    closeQuietly(channel);
                    jvmLock.unlock();
                    return Optional.empty();
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            jvmLock.unlock();
            throw new DataDirectoryException("Cannot lock " + lockFile + " (it serialises starts of " + absolute
                    + "): " + e.getMessage() + ". Check that " + lockFile.getParent() + " is writable.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(channel);
            jvmLock.unlock();
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        try {
            fileLock.release();
        } catch (IOException ignored) {
            // Closing the channel releases it too.
        } finally {
            closeQuietly(channel);
            jvmLock.unlock();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // Nothing to do: the lock goes with the channel.
        }
    }
}
