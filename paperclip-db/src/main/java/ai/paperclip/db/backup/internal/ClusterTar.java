package ai.paperclip.db.backup.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes a PostgreSQL data directory into a tar stream, file by file, while the server may be writing to it.
 * A file's size is taken when its entry starts; a file that grows is cut there and one that shrinks is padded
 * with zeros (as pg_basebackup does): replaying the WAL in the archive repairs both, since the server writes
 * full pages while a backup runs. A file removed meanwhile (a dropped table) is left out.
 */
public final class ClusterTar implements AutoCloseable {

    /** Directories whose contents a backup leaves out (the PostgreSQL documentation's list); the directory stays. */
    private static final Set<String> EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_stat_tmp", "pg_dynshmem",
            "pg_notify", "pg_serial", "pg_snapshots", "pg_subtrans");
    /** Files a backup leaves out: the running server's, and those a restore must not find. */
    private static final Set<String> SKIPPED = Set.of("postmaster.pid", "postmaster.opts", "backup_label",
            "tablespace_map", "backup_manifest", "pg_internal.init");

    private final TarArchiveOutputStream tar;
    private final byte[] buffer = new byte[1 << 16];

    public ClusterTar(OutputStream out) {
        this.tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    }

    /** The data directory, under {@code prefix} (e.g. {@code db/}), without WAL and the server's runtime files. */
    public void addCluster(Path data, String prefix) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(data)) {
            paths = walk.sorted().toList();
        }
        for (Path p : paths) {
            Path rel = data.relativize(p);
            String name = rel.toString();
            if (p.equals(data)) {
                addDirectory(p, prefix);
                continue;
            }
            if (rel.getNameCount() > 1 && EMPTIED.contains(rel.getName(0).toString())
                    || SKIPPED.contains(rel.getFileName().toString())
                    || rel.getFileName().toString().startsWith("pgsql_tmp")) {
                continue;
            }
            if (Files.isSymbolicLink(p)) {
                TarArchiveEntry e = new TarArchiveEntry(prefix + name, TarArchiveEntry.LF_SYMLINK);
                e.setLinkName(Files.readSymbolicLink(p).toString());
                tar.putArchiveEntry(e);
                tar.closeArchiveEntry();
            } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                addDirectory(p, prefix + name);
            } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                addFile(p, prefix + name);
            }
        }
    }

    /** The files of {@code directory} that {@code include} accepts (WAL segments after pg_backup_stop). */
    public void addFiles(Path directory, String prefix, Predicate<String> include) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(directory)) {
            files = list.filter(f -> include.test(f.getFileName().toString())).sorted().toList();
        }
        for (Path f : files) {
            addFile(f, prefix + f.getFileName());
        }
    }

    /** A file made here, such as {@code backup_label} from pg_backup_stop's result. */
    public void addBytes(String name, byte[] content) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(content.length);
        e.setMode(0600);
        tar.putArchiveEntry(e);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private void addDirectory(Path dir, String name) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name.endsWith("/") ? name : name + "/");
        e.setMode(mode(dir));
        tar.putArchiveEntry(e);
        tar.closeArchiveEntry();
    }

    private void addFile(Path file, String name) throws IOException {
        long size;
        int mode;
        try {
            size = Files.size(file);
            mode = mode(file);
        } catch (NoSuchFileException e) {
            return; // removed meanwhile: replay recreates or drops it
        }
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            return;
        }
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(size);
        e.setMode(mode);
        tar.putArchiveEntry(e);
        try (in) {
            long left = size;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    break;
                }
                tar.write(buffer, 0, n);
                left -= n;
            }
            java.util.Arrays.fill(buffer, (byte) 0);
            while (left > 0) { // shrank meanwhile: the entry's declared size must still be met
                int n = (int) Math.min(buffer.length, left);
                tar.write(buffer, 0, n);
                left -= n;
            }
        }
        tar.closeArchiveEntry();
    }

    private static int mode(Path p) throws IOException {
        int mode = 0;
        for (PosixFilePermission perm : Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS)) {
            mode |= 1 << (8 - perm.ordinal());
        }
        return mode;
    }

    /** Ends the archive; the underlying stream stays open. */
    public void finish() throws IOException {
        tar.finish();
    }

    @Override
    public void close() throws IOException {
        tar.close();
    }
}
