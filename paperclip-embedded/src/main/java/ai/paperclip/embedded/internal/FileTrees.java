package ai.paperclip.embedded.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Directory copy (durable), delete and atomic placement. */
public final class FileTrees {

    private FileTrees() {
    }

    /**
     * Renames {@code source} to {@code target} atomically. If another process placed {@code target}
     * first (a race between two JVMs), theirs is kept and {@code source} is left for the caller to delete.
     *
     * @return true if {@code source} was moved into place
     */
    public static boolean moveIntoPlace(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
            // The rename is durable only once the directory holding the new name is synced.
            DurableFiles.FSYNC.sync(target.toAbsolutePath().getParent());
            return true;
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            return false;
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("Cannot rename " + source + " to " + target + " atomically", e);
        }
    }

    /**
     * Copies a directory tree (no symbolic links expected), making every directory 0700, then makes the copy
     * durable: every file and directory is synced with {@link DurableFiles#sync} before this returns.
     * PostgreSQL does not sync a cleanly shut-down cluster when it starts, so without this a new cluster
     * copied from the template would only be as durable as {@code initdb --no-sync} until the kernel
     * wrote it back.
     */
    public static void copyTree(Path source, Path target) throws IOException {
        copyTree(source, target, DurableFiles.FSYNC);
    }

    /** As {@link #copyTree(Path, Path)}, syncing through {@code syncer}. */
    static void copyTree(Path source, Path target, DurableFiles.Syncer syncer) throws IOException {
        List<Path> copied = new ArrayList<>();
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path to = target.resolve(source.relativize(dir).toString());
                Files.createDirectories(to);
                Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwx------"));
                copied.add(to);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path to = target.resolve(source.relativize(file).toString());
                Files.copy(file, to, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                copied.add(to);
                return FileVisitResult.CONTINUE;
            }
        });
        DurableFiles.syncAll(copied, syncer);
    }

    public static void delete(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    public static void deleteQuietly(Path root) {
        try {
            delete(root);
        } catch (IOException ignored) {
            // Best effort: a leftover temporary directory is harmless.
        }
    }

    /** True when {@code dir} does not exist or has no entries. */
    public static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
