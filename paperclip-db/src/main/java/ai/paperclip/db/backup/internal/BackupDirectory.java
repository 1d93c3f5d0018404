package ai.paperclip.db.backup.internal;

import ai.paperclip.db.backup.BackupFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Names backups as upstream does ({@code paperclip-YYYYMMDD-HHMMSS.sql.gz}, local time) and lists them. */
public final class BackupDirectory {

    public static final String PREFIX = "paperclip-";
    public static final String SUFFIX = ".sql.gz";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Pattern NAME = Pattern.compile("^paperclip-\\d{8}-\\d{6}(-\\d+)?\\.sql(\\.gz)?$");
    private static final int HEADER_LINES = 40;
    private static final String UNKNOWN = "unknown";

    private BackupDirectory() {
    }

    /** {@code paperclip-20261130-154501} for now on {@code clock}. */
    public static String stem(Clock clock) {
        return PREFIX + LocalDateTime.now(clock).format(STAMP);
    }

    /** The backups in {@code directory}, newest first; reads only the head of each file. */
    public static List<BackupFile> list(Path directory) throws IOException {
        return list(directory, false);
    }

    /**
     * Our backups in {@code directory} whose head carries a manifest, newest first: the only files retention may
     * delete (a file with our name but no manifest may be anyone's).
     */
    public static List<BackupFile> listWithManifest(Path directory) throws IOException {
        return list(directory, true);
    }

    private static List<BackupFile> list(Path directory, boolean manifestOnly) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<BackupFile> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                if (NAME.matcher(file.getFileName().toString()).matches() && Files.isRegularFile(file)) {
                    BackupFile described = describe(file);
                    if (!manifestOnly || !UNKNOWN.equals(described.schemaVersion())) {
                        found.add(described);
                    }
                }
            }
        }
        found.sort(Comparator.comparing(BackupFile::created).reversed());
        return found;
    }

    private static BackupFile describe(Path file) throws IOException {
        ManifestFormat manifest = new ManifestFormat();
        try (InputStream in = BackupInput.open(file)) {
            byte[] head = in.readNBytes(16 * 1024);
            String[] lines = new String(head, java.nio.charset.StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < Math.min(HEADER_LINES, lines.length - 1); i++) {
                if (lines[i].startsWith(ManifestFormat.PREFIX)) {
                    manifest.accept(lines[i]);
                }
            }
        } catch (RuntimeException | IOException e) {
            // an unreadable head: listed, its version unknown (verify says more)
        }
        long size = Files.size(file);
        if (!manifest.present()) {
            return new BackupFile(file, Files.getLastModifiedTime(file).toInstant(), size, UNKNOWN);
        }
        return new BackupFile(file, manifest.manifest().created(), size, manifest.manifest().schemaVersion());
    }
}
