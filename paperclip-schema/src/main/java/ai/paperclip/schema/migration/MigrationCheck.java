package ai.paperclip.schema.migration;

import ai.paperclip.schema.migration.internal.HistoryInspector;
import ai.paperclip.schema.migration.internal.MigrationFolder;
import ai.paperclip.schema.migration.internal.Snapshot;
import ai.paperclip.schema.migration.internal.TransactionControl;
import ai.paperclip.schema.model.SchemaModel;
import ai.paperclip.schema.model.TableModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The CI gate: fails when the schema definitions and the committed migrations disagree. Each
 * failure has its own {@link CheckCode} and a message that says what to run.
 *
 * <pre>{@code
 * CheckResult result = MigrationCheck.run(MySchema.model(), Path.of("src/main/resources/migrations"),
 *         MigrationOptions.defaults());
 * if (!result.ok()) { ... result.message(), result.code() ... }
 * }</pre>
 */
public final class MigrationCheck {

    private MigrationCheck() {
    }

    /** Checks the folder's history, then that the newest snapshot equals {@code model}. */
    public static CheckResult run(SchemaModel model, Path folder, MigrationOptions options) {
        Objects.requireNonNull(model, "model");
        HistoryInspector.Inspection inspection =
                HistoryInspector.inspect(new MigrationFolder(folder), options.generateCommand(), true);
        List<CheckProblem> problems = new ArrayList<>(inspection.problems());
        // The schema comparison needs every snapshot read; an edited file does not hide it.
        if (inspection.indexConsistent()
                && inspection.snapshots().size() == inspection.journal().migrations().size()) {
            Snapshot newest = inspection.newest();
            if (!newest.schema().equals(model)) {
                String after = inspection.journal().migrations().isEmpty() ? "there are no migrations yet"
                        : "the newest snapshot is " + inspection.journal().migrations()
                                .get(inspection.journal().migrations().size() - 1).tag();
                problems.add(new CheckProblem(CheckCode.SCHEMA_NOT_MIGRATED, "The schema definitions have changes"
                        + " that no migration covers (" + summary(newest.schema(), model) + "; " + after + "). Run "
                        + options.generateCommand() + ", review the new migration, and commit it."));
            }
        }
        problems.addAll(transactionControl(folder, inspection));
        return new CheckResult(problems);
    }

    /** Migrations that commit, roll back or begin a transaction inside a changeset that runs in one. */
    private static List<CheckProblem> transactionControl(Path folder, HistoryInspector.Inspection inspection) {
        List<CheckProblem> problems = new ArrayList<>();
        for (var entry : inspection.journal().migrations()) {
            Path file = folder.resolve(entry.fileName());
            if (!Files.isRegularFile(file)) {
                continue; // an index problem, reported as such
            }
            List<String> found = TransactionControl.find(MigrationFolder.read(file)).stream()
                    .map(TransactionControl.Finding::describe).toList();
            if (!found.isEmpty()) {
                problems.add(new CheckProblem(CheckCode.TRANSACTION_CONTROL, entry.fileName() + " controls its"
                        + " transaction itself (" + String.join(", ", found) + "). Each changeset runs in one"
                        + " transaction with its history row; a COMMIT inside makes the work before it permanent even"
                        + " when a later statement fails, and the history no longer says what the database holds."
                        + " Remove the statement, or put work that cannot run in a transaction in a changeset marked"
                        + " runInTransaction:false."));
            }
        }
        return problems;
    }

    private static String summary(SchemaModel from, SchemaModel to) {
        List<String> parts = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (TableModel t : to.tables()) {
            from.table(t.name()).ifPresentOrElse(f -> {
                if (!f.equals(t)) {
                    changed.add(t.name());
                }
            }, () -> added.add(t.name()));
        }
        List<String> dropped = from.tables().stream().map(TableModel::name).filter(n -> to.table(n).isEmpty()).toList();
        if (!added.isEmpty()) {
            parts.add("new tables: " + String.join(", ", added));
        }
        if (!changed.isEmpty()) {
            parts.add("changed tables: " + String.join(", ", changed));
        }
        if (!dropped.isEmpty()) {
            parts.add("tables gone: " + String.join(", ", dropped));
        }
        if (!from.extensions().equals(to.extensions())) {
            parts.add("extensions now " + to.extensions());
        }
        return String.join("; ", parts);
    }
}
