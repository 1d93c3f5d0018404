package ai.paperclip.db.backup.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A backup is written under a hidden temporary name carrying the writer's host and pid, and published under its final
 * name only when complete and fsynced: a killed writer never leaves a file with a final name. Publishing
 * hard-links the final name (which fails rather than replaces when the name exists, so two writers in one
 * second never overwrite each other: the second takes {@code -2}), then fsyncs the directory so the name
 * survives a power cut. Partials of writers no longer alive are deleted by the next backup.
 */
public final class AtomicFile {

    private static final Logger LOG = LoggerFactory.getLogger(AtomicFile.class);
    private static final Pattern PARTIAL = Pattern.compile("^\\..+\\.([A-Za-z0-9-]+)\\.(\\d+)\\.[0-9a-f]{8}\\.partial$");
    // A pid means something only on its own machine: a directory shared by several hosts (NFS) keeps the
    // partials of the others.
    private static final String HOST = host();

    private AtomicFile() {
    }

    public static Path temporary(Path directory, String finalName) {
        return directory.resolve("." + finalName + "." + HOST + "." + ProcessHandle.current().pid() + "."
                + UUID.randomUUID().toString().substring(0, 8) + ".partial");
    }

    /** Publishes {@code temp} as {@code stem + suffix} (or {@code stem-2 + suffix}...); returns the final path. */
    public static Path publish(Path temp, Path directory, String stem, String suffix) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Path target = directory.resolve(stem + (attempt == 1 ? "" : "-" + attempt) + suffix);
            try {
                try {
                    Files.createLink(target, temp);
                    Files.delete(temp);
                } catch (UnsupportedOperationException | IOException e) {
                    if (e instanceof FileAlreadyExistsException) {
                        throw e;
                    }
                    if (Files.exists(target)) {
                        continue;
                    }
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                }
                syncDirectory(directory);
                return target;
            } catch (FileAlreadyExistsException e) {
                // taken: try the next suffix
            }
        }
    }

    public static void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.debug("Cannot fsync directory {} ({}); the file itself is synced", directory, e.getMessage());
        }
    }

    private static String host() {
        try {
            String name = java.net.InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9-]", "-");
            return name.isEmpty() ? "localhost" : name;
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** Deletes partial files of this host whose writer process is gone. */
    public static void deleteAbandoned(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Matcher m = PARTIAL.matcher(file.getFileName().toString());
                if (m.matches() && m.group(1).equals(HOST) && ProcessHandle.of(Long.parseLong(m.group(2))).isEmpty()) {
                    LOG.info("Deleting {}: left by a backup that did not finish (process {} is gone)", file, m.group(2));
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
