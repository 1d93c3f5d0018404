package ai.paperclip.db.introspect;

import ai.paperclip.db.PaperclipDbException;
import ai.paperclip.schema.migration.internal.Journal;
import ai.paperclip.schema.migration.internal.MigrationFolder;
import ai.paperclip.schema.migration.internal.Snapshot;
import ai.paperclip.schema.model.SchemaJson;
import ai.paperclip.schema.model.SchemaModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The schema after each committed migration, read from a migrations folder's
 * {@code meta/_journal.json} and {@code meta/NNNN_snapshot.json} (the generator's files): what a
 * database at that migration must look like, for {@link SchemaComparison}.
 */
public final class MigrationSnapshots {

    /** Where paperclip-schema's jar carries Paperclip's own migration history. */
    public static final String PAPERCLIP_RESOURCES = "ai/paperclip/schema/migrations/";

    private final String location;
    private final Function<String, String> files;
    private final Journal journal;

    private MigrationSnapshots(String location, Function<String, String> files) {
        this.location = location;
        this.files = files;
        String text = files.apply(MigrationFolder.JOURNAL);
        if (text == null) {
            throw new PaperclipDbException("No " + MigrationFolder.JOURNAL + " in " + location
                    + ": it is not a migrations folder (run generate to create one).", null, null);
        }
        this.journal = SchemaJson.readValue(text, Journal.class);
    }

    /** Paperclip's own history, from the paperclip-schema jar on the classpath. */
    public static MigrationSnapshots paperclip() {
        return fromClasspath(PAPERCLIP_RESOURCES, MigrationSnapshots.class.getClassLoader());
    }

    /** A history carried as resources under {@code resourceFolder} (ending with {@code /}). */
    public static MigrationSnapshots fromClasspath(String resourceFolder, ClassLoader loader) {
        String folder = resourceFolder.endsWith("/") ? resourceFolder : resourceFolder + "/";
        return new MigrationSnapshots("classpath:" + folder, name -> {
            try (InputStream in = loader.getResourceAsStream(folder + name)) {
                return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + folder + name, e);
            }
        });
    }

    /** A history in a folder (the generator's {@code --out}). */
    public static MigrationSnapshots fromFolder(Path folder) {
        return new MigrationSnapshots(folder.toString(), name -> {
            Path file = folder.resolve(name);
            return Files.isRegularFile(file) ? MigrationFolder.read(file) : null;
        });
    }

    /** The migrations in order, by tag ({@code 0000_core_schema}). */
    public List<String> tags() {
        return journal.migrations().stream().map(Journal.Entry::tag).toList();
    }

    /** The schema after the newest migration. */
    public SchemaModel latest() {
        if (journal.migrations().isEmpty()) {
            return SchemaModel.empty();
        }
        return schemaAfter(tags().get(tags().size() - 1));
    }

    /**
     * The schema after a migration named by its tag ({@code 0000_core_schema}) or number ({@code 0000}, {@code 0}).
     *
     * @throws PaperclipDbException naming the known tags when there is no such migration
     */
    public SchemaModel schemaAfter(String migration) {
        Journal.Entry entry = journal.migrations().stream()
                .filter(e -> e.tag().equals(migration) || e.tag().startsWith(migration + "_")
                        || migration.matches("\\d{1,9}") && e.idx() == Integer.parseInt(migration))
                .findFirst()
                .orElseThrow(() -> new PaperclipDbException("No migration " + migration + " in " + location
                        + "; known: " + String.join(", ", tags()) + ".", null, null));
        String name = MigrationFolder.snapshotName(entry.idx());
        String text = files.apply(name);
        if (text == null) {
            throw new PaperclipDbException("Migration " + entry.tag() + " has no " + name + " in " + location
                    + ": restore the file from version control.", null, null);
        }
        return SchemaJson.readValue(text, Snapshot.class).schema();
    }
}
