package ai.paperclip.schema.migration.internal;

import ai.paperclip.schema.migration.MigrationException;
import ai.paperclip.schema.model.SchemaJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The files of a migrations folder: {@code NNNN_name.sql}, {@code meta/NNNN_snapshot.json},
 * {@code meta/_journal.json}, {@code changelog.xml} and {@code decisions.txt}. Text is UTF-8 with
 * {@code \n} line ends.
 */
public final class MigrationFolder {

    public static final String JOURNAL = "meta/_journal.json";
    public static final Pattern SQL_FILE = Pattern.compile("(\\d{4})_[a-z0-9_]+\\.sql");
    public static final Pattern SNAPSHOT_FILE = Pattern.compile("(\\d{4})_snapshot\\.json");
    public static final Pattern TAG = Pattern.compile("\\d{4}_[a-z0-9_]+");

    private final Path dir;

    public MigrationFolder(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Path sqlFile(String tag) {
        return dir.resolve(tag + ".sql");
    }

    public static String snapshotName(int idx) {
        return String.format("meta/%04d_snapshot.json", idx);
    }

    public Path snapshotFile(int idx) {
        return dir.resolve(snapshotName(idx));
    }

    /** The journal, or empty when the folder has none. */
    public Optional<Journal> readJournal() {
        Path file = dir.resolve(JOURNAL);
        return Files.exists(file) ? Optional.of(JournalJson.read(read(file))) : Optional.empty();
    }

    public Snapshot readSnapshot(int idx) {
        return SchemaJson.readValue(read(snapshotFile(idx)), Snapshot.class);
    }

    /** Names of the files directly in the folder (or in {@code meta/}) matching a pattern, sorted. */
    public List<String> list(String subfolder, Pattern pattern) {
        Path where = subfolder == null ? dir : dir.resolve(subfolder);
        if (!Files.isDirectory(where)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(where)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> pattern.matcher(n).matches()).sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + where, e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrationException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrationException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
