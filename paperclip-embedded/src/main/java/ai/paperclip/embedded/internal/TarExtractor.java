package ai.paperclip.embedded.internal;

import ai.paperclip.embedded.UnsafeArchiveException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Unpacks a tar stream into a directory, keeping symbolic links and the executable bits, and refusing
 * every entry that would put anything outside it: absolute names, {@code ..} escapes, symbolic links
 * whose target resolves outside (also through links extracted earlier), hard links to anything but a
 * regular file inside, writes through a link, and special files. Hand-written because commons-compress
 * reads tar entries but leaves their placement, and so this check, to the caller.
 *
 * <p>Paths are checked against the real (symlink-free) path of the directory each entry lands in, not
 * only lexically: an earlier entry {@code a -> .} followed by {@code a/b -> ..} is lexically inside
 * and physically outside.
 */
public final class TarExtractor {

    /** Links followed while checking one link target, as the kernel's own limit (40). */
    private static final int MAX_LINK_DEPTH = 40;

    private final Path root;

    private TarExtractor(Path root) {
        this.root = root;
    }

    /** Extracts the uncompressed tar {@code tar} into {@code target} (created if missing). */
    public static void extract(InputStream tar, Path target) throws IOException {
        Files.createDirectories(target);
        TarExtractor extractor = new TarExtractor(target.toRealPath());
        try (TarArchiveInputStream in = new TarArchiveInputStream(tar)) {
            TarArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                extractor.place(entry, in);
            }
        }
    }

    private void place(TarArchiveEntry entry, InputStream content) throws IOException {
        String name = entry.getName();
        Path relative = relative(name, name);
        if (relative.toString().isEmpty()) {
            return; // "./": the target itself
        }
        Path parent = realParent(relative, name);
        Path path = parent.resolve(relative.getFileName());
        if (entry.isDirectory()) {
            if (Files.isSymbolicLink(path)) {
                throw new UnsafeArchiveException(name, "is a directory over a symbolic link extracted earlier");
            }
            Files.createDirectories(path);
        } else if (entry.isSymbolicLink()) {
            String link = entry.getLinkName();
            Path resolved = resolveLink(parent, link, name, 0);
            if (!resolved.startsWith(root)) {
                throw new UnsafeArchiveException(name, "is a symbolic link to " + link + ", outside the target directory");
            }
            clear(path, name);
            Files.createSymbolicLink(path, Path.of(link));
        } else if (entry.isLink()) {
            String link = entry.getLinkName();
            Path relativeSource = relative(link, name);
            Path source = realParent(relativeSource, name).resolve(relativeSource.getFileName());
            if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
                throw new UnsafeArchiveException(name, "is a hard link to " + link
                        + ", which is not a regular file extracted earlier inside the target directory");
            }
            clear(path, name);
            Files.copy(source, path, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        } else if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
            throw new UnsafeArchiveException(name, "is a device, FIFO or other special file");
        } else if (entry.isFile()) {
            clear(path, name);
            Files.copy(content, path);
            Files.setPosixFilePermissions(path, permissions(entry.getMode()));
        } else {
            throw new UnsafeArchiveException(name, "is a device, FIFO or other special file");
        }
    }

    /** The entry's name as a relative, normalized path that does not climb out; refuses absolute names. */
    private static Path relative(String text, String entry) throws UnsafeArchiveException {
        refuseAbsolute(text, entry);
        Path path = Path.of(text).normalize();
        if (path.startsWith("..")) {
            throw new UnsafeArchiveException(entry, "climbs out of the target directory (" + text + ")");
        }
        return path;
    }

    private static void refuseAbsolute(String text, String entry) throws UnsafeArchiveException {
        if (text.startsWith("/") || text.startsWith("\\") || text.matches("^[A-Za-z]:.*")) {
            throw new UnsafeArchiveException(entry, "has an absolute path (" + text + ")");
        }
    }

    /** Creates the entry's parent directories and returns their real path, which must be inside the root. */
    private Path realParent(Path relative, String entry) throws IOException {
        Path parent = relative.getParent() == null ? root : root.resolve(relative.getParent());
        Path real = root;
        for (Path part : root.relativize(parent)) {
            Path next = real.resolve(part);
            if (!Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(next);
            }
            real = next.toRealPath();
            if (!real.startsWith(root)) {
                throw new UnsafeArchiveException(entry, "would be written through a link that leads outside the target directory");
            }
        }
        return real;
    }

    /**
     * Where a link target leads, resolved step by step as the kernel would: links met on the way are
     * followed (by reading them, so a link to a file not extracted yet is fine), and a {@code ..} is
     * taken from a real directory that exists now, never lexically (so a later entry cannot turn the
     * name before it into a link).
     */
    private Path resolveLink(Path directory, String link, String entry, int depth) throws IOException {
        if (depth > MAX_LINK_DEPTH) {
            throw new UnsafeArchiveException(entry, "is a symbolic link in a chain of more than " + MAX_LINK_DEPTH + " links");
        }
        refuseAbsolute(link, entry);
        Path current = directory;
        for (Path part : Path.of(link)) {
            String step = part.toString();
            if (step.equals(".") || step.isEmpty()) {
                continue;
            }
            if (step.equals("..")) {
                if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS) || current.equals(root)) {
                    throw new UnsafeArchiveException(entry, "is a symbolic link to " + link
                            + ", which climbs out of the target directory or out of a directory not extracted yet");
                }
                current = current.getParent();
                continue;
            }
            Path next = current.resolve(step);
            current = Files.isSymbolicLink(next)
                    ? resolveLink(current, Files.readSymbolicLink(next).toString(), entry, depth + 1)
                    : next;
        }
        return current;
    }

    /** Removes a file or link at {@code path} so the entry replaces it; never a directory. */
    private static void clear(Path path, String entry) throws IOException {
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnsafeArchiveException(entry, "would replace a directory extracted earlier");
        }
        Files.deleteIfExists(path);
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        if ((mode & 0100) != 0) {
            set.addAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
        }
        return set;
    }
}
