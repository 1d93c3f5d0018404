package ai.paperclip.schema.migration;

import ai.paperclip.schema.migration.internal.ChangesetLines;
import ai.paperclip.schema.migration.internal.Hashes;
import ai.paperclip.schema.migration.internal.Journal;
import ai.paperclip.schema.migration.internal.JournalJson;
import ai.paperclip.schema.migration.internal.LiquibaseChecksum;
import ai.paperclip.schema.migration.internal.MasterChangelog;
import ai.paperclip.schema.migration.internal.MigrationFolder;
import ai.paperclip.schema.migration.internal.Snapshot;
import ai.paperclip.schema.migration.internal.TransactionControl;
import ai.paperclip.schema.model.SchemaJson;
import ai.paperclip.schema.model.SchemaModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A committed migration history as a runner sees it, read without Liquibase: the migrations of
 * {@code meta/_journal.json} in order, each with the changesets its SQL file declares and whether the
 * file still matches its checksum, and the schema after each ({@code meta/NNNN_snapshot.json}). Read
 * from a folder or from the classpath (a jar), so an application can tell "up to date" from
 * Liquibase's history table alone, and adopt or compare a database against any committed migration.
 * The one reader of a committed history: the runner, {@code adopt} and the comparison all use it.
 *
 * <pre>{@code
 * CommittedMigrations paperclip = CommittedMigrations.paperclip();
 * paperclip.migrations().forEach(m -> log.info("{} {}", m.tag(), m.changesets()));
 * SchemaModel core = paperclip.schemaAfter("0000");
 * }</pre>
 */
public final class CommittedMigrations {

    /** Where Paperclip's own history lives on the classpath (in the paperclip-schema jar). */
    public static final String PAPERCLIP_LOCATION = "ai/paperclip/schema/migrations";
    /** The master changelog Liquibase reads, next to the journal. */
    public static final String CHANGELOG = MasterChangelog.FILE_NAME;

    /** A changeset: Liquibase keys its history row by (id, author, file name). */
    public record Changeset(String author, String id, String fileName, boolean runInTransaction) {
        /** {@code author:id}, as written after {@code --changeset}. */
        public String qualifiedId() {
            return author + ":" + id;
        }
    }

    /**
     * One migration file.
     *
     * @param intact false when the file no longer matches the checksum in the journal (an edited
     *     migration); a custom migration not yet sealed has no checksum and is intact
     */
    public record Migration(int idx, String tag, String fileName, List<Changeset> changesets, boolean intact) {
        public Migration {
            changesets = List.copyOf(changesets);
        }
    }

    private final String location;
    private final List<Migration> migrations;
    private final Map<Changeset, String> checksums;
    private final Map<String, List<String>> transactionControl;
    private final Map<String, String> texts;
    private final Function<String, Optional<String>> files;

    private CommittedMigrations(String location, List<Migration> migrations, Map<Changeset, String> checksums,
            Map<String, List<String>> transactionControl, Map<String, String> texts,
            Function<String, Optional<String>> files) {
        this.location = location;
        this.migrations = List.copyOf(migrations);
        this.checksums = Map.copyOf(checksums);
        this.transactionControl = Map.copyOf(transactionControl);
        this.texts = Map.copyOf(texts);
        this.files = files;
    }

    /** Paperclip's bundled history, from the classpath of this module. */
    public static CommittedMigrations paperclip() {
        return fromClasspath(CommittedMigrations.class.getClassLoader(), PAPERCLIP_LOCATION);
    }

    /** A history packaged as resources under {@code location} (e.g. {@code com/acme/migrations}). */
    public static CommittedMigrations fromClasspath(ClassLoader loader, String location) {
        String base = stripSlashes(location);
        return read("classpath:" + base, name -> {
            try (InputStream in = loader.getResourceAsStream(base + "/" + name)) {
                return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + base + "/" + name, e);
            }
        });
    }

    /** A history in a folder (the one the generator writes). */
    public static CommittedMigrations fromFolder(Path folder) {
        return read(folder.toString(), name -> {
            Path file = folder.resolve(name);
            return Files.isRegularFile(file) ? Optional.of(MigrationFolder.read(file)) : Optional.empty();
        });
    }

    /** Where it was read from, for messages: {@code classpath:...} or a folder path. */
    public String location() {
        return location;
    }

    public List<Migration> migrations() {
        return migrations;
    }

    /**
     * A migration named by its tag ({@code 0000_core_schema}), its tag's number ({@code 0000}) or that
     * number without zeros ({@code 0}).
     *
     * @throws MigrationException naming the migrations the history has, when it has no such one
     */
    public Migration migration(String id) {
        Objects.requireNonNull(id, "id");
        return migrations.stream()
                .filter(m -> m.tag().equals(id) || m.tag().startsWith(id + "_")
                        || id.matches("\\d{1,9}") && m.idx() == Integer.parseInt(id))
                .findFirst()
                .orElseThrow(() -> new MigrationException("No migration " + id + " in " + location + "; it has "
                        + (migrations.isEmpty() ? "none" : String.join(", ", migrations.stream().map(Migration::tag)
                                .toList())) + "."));
    }

    /**
     * The schema after a migration ({@link #migration(String) named} by tag or number): what a database
     * at that migration must look like, from its committed snapshot.
     *
     * @throws MigrationException when there is no such migration, or its snapshot is missing or unreadable
     */
    public SchemaModel schemaAfter(String id) {
        Migration migration = migration(id);
        String name = MigrationFolder.snapshotName(migration.idx());
        String text = files.apply(name).orElseThrow(() -> new MigrationException("Migration " + migration.tag()
                + " has no " + name + " in " + location + ": restore the file from version control."));
        try {
            return SchemaJson.readValue(text, Snapshot.class).schema();
        } catch (IllegalArgumentException e) {
            throw new MigrationException(location + "/" + name + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The schema after the newest migration; the empty schema when the history has none. */
    public SchemaModel newestSchema() {
        return migrations.isEmpty() ? SchemaModel.empty() : schemaAfter(migrations.get(migrations.size() - 1).tag());
    }

    /** Every changeset of every migration, in the order Liquibase applies them. */
    public List<Changeset> changesets() {
        return migrations.stream().flatMap(m -> m.changesets().stream()).toList();
    }

    /**
     * The checksum Liquibase records for {@code changeset} in {@code databasechangelog.md5sum} when it applies
     * it ({@code 9:<md5>}), computed from the committed file without Liquibase; empty when the changeset uses a
     * formatted-SQL feature this does not model (then only Liquibase can check it).
     */
    public Optional<String> liquibaseChecksum(Changeset changeset) {
        return Optional.ofNullable(checksums.get(changeset));
    }

    /**
     * The statements of {@code migration} that control the transaction themselves ({@code COMMIT},
     * {@code ROLLBACK}, {@code BEGIN}, {@code START TRANSACTION}, {@code END}) in a changeset that runs in a
     * transaction, each as {@code 0001_backfill.sql line 7: COMMIT}; empty when there are none. Runners refuse
     * to apply (or roll back) such a migration: a COMMIT inside makes part of a failed migration permanent.
     */
    public List<String> transactionControl(Migration migration) {
        return transactionControl.getOrDefault(migration.tag(), List.of());
    }

    /**
     * The text of {@code migration}'s SQL file as it was read (and checked against the journal), for a runner
     * that applies it without Liquibase.
     */
    public String text(Migration migration) {
        String text = texts.get(migration.tag());
        if (text == null) {
            throw new IllegalArgumentException("No migration " + migration.tag() + " in " + location);
        }
        return text;
    }

    private static CommittedMigrations read(String location, Function<String, Optional<String>> files) {
        String journalText = files.apply(MigrationFolder.JOURNAL).orElseThrow(() -> new MigrationException(
                "No migration history at " + location + ": " + MigrationFolder.JOURNAL + " is missing."
                        + " Point at the folder the generator writes (it holds " + CHANGELOG + " and meta/)."));
        Journal journal;
        try {
            journal = JournalJson.read(journalText);
        } catch (IllegalArgumentException e) {
            throw new MigrationException(location + "/" + MigrationFolder.JOURNAL + " cannot be read: " + e.getMessage(), e);
        }
        List<Migration> migrations = new ArrayList<>();
        Map<Changeset, String> checksums = new HashMap<>();
        Map<String, List<String>> transactionControl = new HashMap<>();
        Map<String, String> texts = new HashMap<>();
        for (Journal.Entry entry : journal.migrations()) {
            String sql = files.apply(entry.fileName()).orElseThrow(() -> new MigrationException(location + "/"
                    + MigrationFolder.JOURNAL + " lists " + entry.fileName() + " but the file is missing."));
            Migration migration = migration(location, entry, sql);
            migrations.add(migration);
            texts.put(migration.tag(), sql);
            List<String> control = TransactionControl.find(sql).stream()
                    .map(f -> entry.fileName() + " " + f.describe()).toList();
            if (!control.isEmpty()) {
                transactionControl.put(migration.tag(), control);
            }
            List<Optional<String>> sums = LiquibaseChecksum.of(sql);
            if (sums.size() == migration.changesets().size()) {
                for (int i = 0; i < sums.size(); i++) {
                    Changeset changeset = migration.changesets().get(i);
                    sums.get(i).ifPresent(sum -> checksums.put(changeset, sum));
                }
            }
        }
        return new CommittedMigrations(location, migrations, checksums, transactionControl, texts, files);
    }

    private static Migration migration(String location, Journal.Entry entry, String sql) {
        String fileName = ChangesetLines.logicalFilePath(sql).orElseThrow(() -> new MigrationException(location + "/"
                + entry.fileName() + " has no logicalFilePath in its first line; without it Liquibase records the"
                + " path it was read from, which differs between a jar and a folder. Start the file with"
                + " '--liquibase formatted sql logicalFilePath:" + entry.fileName() + "' (the generator does)."));
        List<Changeset> changesets = ChangesetLines.changesets(sql).stream()
                .map(l -> new Changeset(l.author(), l.id(), fileName, l.runInTransaction())).toList();
        if (changesets.isEmpty()) {
            throw new MigrationException(location + "/" + entry.fileName() + " declares no '--changeset author:id'.");
        }
        boolean intact = entry.sha256() == null || Objects.equals(entry.sha256(), Hashes.sha256(sql));
        return new Migration(entry.idx(), entry.tag(), fileName, changesets, intact);
    }

    private static String stripSlashes(String location) {
        String s = location.strip();
        while (s.startsWith("/")) {
            s = s.substring(1);
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    @Override
    public String toString() {
        return "CommittedMigrations{" + location + ", " + migrations.size() + " migrations}";
    }
}
