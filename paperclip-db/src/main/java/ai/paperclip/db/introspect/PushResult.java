package ai.paperclip.db.introspect;

import ai.paperclip.schema.migration.SchemaChange;
import java.util.List;

/**
 * What a push did, or (dry run, refusal) would do.
 *
 * @param changes the typed changes from the live schema to the definitions, in applicable order
 * @param statements their SQL, in order, without trailing semicolons
 * @param affected the rows that changes losing data (or blocked by the data) affect, counted
 *     before anything changed; changes that affect no row are not listed
 * @param hints advice that does not change the plan, e.g. a dropped and an added column that may
 *     be one renamed column, with the decision that would keep its values
 * @param applied whether the statements were executed and committed
 */
public record PushResult(List<SchemaChange> changes, List<String> statements, List<AffectedRows> affected,
        List<String> hints, boolean applied) {

    public PushResult {
        changes = List.copyOf(changes);
        statements = List.copyOf(statements);
        affected = List.copyOf(affected);
        hints = List.copyOf(hints);
    }

    /** Whether the live schema already matches the definitions. */
    public boolean upToDate() {
        return changes.isEmpty();
    }

    /** Whether some change loses data on existing rows (and so needs {@code force}). */
    public boolean losesData() {
        return affected.stream().anyMatch(a -> a.kind() == AffectedRows.Kind.DATA_LOSS);
    }
}
