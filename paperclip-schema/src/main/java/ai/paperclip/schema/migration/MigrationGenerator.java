package ai.paperclip.schema.migration;

import ai.paperclip.schema.migration.internal.ChangelogRenderer;
import ai.paperclip.schema.migration.internal.Hashes;
import ai.paperclip.schema.migration.internal.HistoryInspector;
import ai.paperclip.schema.migration.internal.Journal;
import ai.paperclip.schema.migration.internal.MasterChangelog;
import ai.paperclip.schema.migration.internal.MigrationFolder;
import ai.paperclip.schema.migration.internal.NameGenerator;
import ai.paperclip.schema.migration.internal.Snapshot;
import ai.paperclip.schema.model.SchemaJson;
import ai.paperclip.schema.model.SchemaModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes the next migration of a folder from a schema model: the diff against the newest
 * snapshot as a Liquibase formatted-SQL file, the new snapshot, the index with checksums and the
 * master changelog. The same folder and model always give the same bytes.
 *
 * <pre>{@code
 * MigrationGenerator.generate(MySchema.model(), Path.of("src/main/resources/db/migrations"),
 *         MigrationOptions.builder().name("add_priority").build());
 * }</pre>
 *
 * <p>Decisions are read from the folder's {@value Decisions#FILE_NAME}; those a migration uses are
 * recorded in its header and taken out of the file, so a decision never applies twice.
 */
public final class MigrationGenerator {

    private MigrationGenerator() {
    }

    /**
     * Writes the next migration, or nothing when the model equals the newest snapshot (unless a
     * custom migration is asked for). {@code changelog.xml} is rewritten from the index in any case.
     *
     * @throws UndecidedChangesException when a rename or data-losing change needs a decision
     * @throws MigrationException when the folder's history is inconsistent (what {@link MigrationCheck} reports)
     */
    public static Optional<GeneratedMigration> generate(SchemaModel model, Path folder, MigrationOptions options) {
        Objects.requireNonNull(model, "model");
        MigrationFolder files = new MigrationFolder(folder);
        HistoryInspector.Inspection history = HistoryInspector.inspect(files, options.generateCommand(), false);
        if (!history.problems().isEmpty()) {
            throw new MigrationException("Cannot generate on top of an inconsistent migration history in " + folder
                    + ":\n" + new CheckResult(history.problems()).message());
        }
        Journal journal = history.journal();
        Snapshot parent = history.newest();
        Decisions fromFile = Decisions.read(folder);
        List<SchemaChange> changes = options.custom() ? List.of()
                : SchemaDiff.between(parent.schema(), model, fromFile, options.prompter(), options.concurrentIndexes(), true);
        if (changes.isEmpty() && !options.custom()) {
            writeChangelog(files, journal);
            return Optional.empty();
        }
        Snapshot snapshot = Snapshot.after(parent, options.custom() ? parent.schema() : model);
        int idx = journal.migrations().size();
        String tag = String.format("%04d_%s", idx, options.name() != null ? options.name() : NameGenerator.name(snapshot.id()));
        List<Decision> applied = changes.stream().map(SchemaChange::decision).flatMap(Optional::stream).distinct()
                .collect(Collectors.toList());
        String sql = options.custom() ? ChangelogRenderer.renderCustom(tag, options.author(), snapshot)
                : ChangelogRenderer.render(tag, options.author(), snapshot, changes, applied, options.lockTimeout());

        journal = sealCustomMigrations(files, journal)
                .with(new Journal.Entry(idx, tag, options.custom(), options.custom() ? null : Hashes.sha256(sql)));
        MigrationFolder.write(files.sqlFile(tag), sql);
        MigrationFolder.write(files.snapshotFile(idx), SchemaJson.writeValue(snapshot));
        MigrationFolder.write(folder.resolve(MigrationFolder.JOURNAL), SchemaJson.writeValue(journal));
        writeChangelog(files, journal);
        removeDecisions(folder, fromFile, applied);
        List<Decision> unused = fromFile.list().stream().filter(d -> !applied.contains(d)).collect(Collectors.toList());
        return Optional.of(new GeneratedMigration(tag, files.sqlFile(tag), files.snapshotFile(idx), changes, applied, unused));
    }

    /** A custom migration's SQL is written by hand after generation; the next generate fixes its checksum. */
    private static Journal sealCustomMigrations(MigrationFolder files, Journal journal) {
        Journal sealed = journal;
        for (Journal.Entry e : journal.migrations()) {
            if (e.sha256() == null) {
                sealed = sealed.replace(e.idx(), e.sealed(Hashes.sha256(MigrationFolder.read(files.sqlFile(e.tag())))));
            }
        }
        return sealed;
    }

    private static void writeChangelog(MigrationFolder files, Journal journal) {
        if (journal.migrations().isEmpty()) {
            return;
        }
        String xml = MasterChangelog.render(journal.migrations().stream().map(Journal.Entry::fileName).toList());
        Path file = files.dir().resolve(MasterChangelog.FILE_NAME);
        if (!Files.exists(file) || !MigrationFolder.read(file).equals(xml)) {
            MigrationFolder.write(file, xml);
        }
    }

    /** Takes used decisions out of the decisions file, keeping every other line (comments too). */
    private static void removeDecisions(Path folder, Decisions fromFile, List<Decision> applied) {
        if (applied.stream().noneMatch(fromFile::contains)) {
            return;
        }
        Path file = folder.resolve(Decisions.FILE_NAME);
        String text = MigrationFolder.read(file).replace("\r\n", "\n");
        String kept = text.lines().filter(line -> {
            String content = Decisions.stripComment(line);
            return content.isEmpty() || !applied.contains(Decision.parse(content));
        }).collect(Collectors.joining("\n"));
        MigrationFolder.write(file, kept.isEmpty() ? "" : kept + "\n");
    }
}
