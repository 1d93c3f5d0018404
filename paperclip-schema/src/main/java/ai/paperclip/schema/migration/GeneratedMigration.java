package ai.paperclip.schema.migration;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link MigrationGenerator#generate} wrote.
 *
 * @param tag {@code NNNN_name}
 * @param sqlFile the Liquibase formatted-SQL file
 * @param snapshotFile {@code meta/NNNN_snapshot.json}
 * @param changes the changes it makes, in order (empty for a custom migration)
 * @param decisionsApplied decisions it used; those from the decisions file were taken out of it
 * @param decisionsUnused decisions left in the decisions file that this migration did not need
 */
public record GeneratedMigration(String tag, Path sqlFile, Path snapshotFile, List<SchemaChange> changes,
        List<Decision> decisionsApplied, List<Decision> decisionsUnused) {

    public GeneratedMigration {
        changes = List.copyOf(changes);
        decisionsApplied = List.copyOf(decisionsApplied);
        decisionsUnused = List.copyOf(decisionsUnused);
    }
}
