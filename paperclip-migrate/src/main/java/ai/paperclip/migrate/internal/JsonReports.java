package ai.paperclip.migrate.internal;

import ai.paperclip.db.introspect.AffectedRows;
import ai.paperclip.db.introspect.ComparisonReport;
import ai.paperclip.db.introspect.Difference;
import ai.paperclip.db.introspect.PushResult;
import ai.paperclip.db.migration.MigrationResult;
import ai.paperclip.db.migration.MigrationStatus;
import ai.paperclip.db.migration.RollbackPlan;
import ai.paperclip.schema.migration.Decision;
import ai.paperclip.schema.migration.GeneratedMigration;
import ai.paperclip.schema.migration.SchemaChange;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --json} shapes of {@code migrate}, {@code push}, {@code adopt}, {@code rollback} and {@code generate}
 * (docs/cli.md documents each): one object per command, keys in a fixed order, {@code ok} and {@code exitCode}
 * first, never a password ({@code target} is the masked description).
 */
public final class JsonReports {

    private JsonReports() {
    }

    /** {@code migrate}: what was applied and the status after. */
    public static Map<String, Object> migrate(String target, MigrationResult result, MigrationStatus after) {
        Map<String, Object> json = head(0, target);
        json.put("applied", result.applied());
        json.put("changesets", result.changesets());
        json.put("tookMs", result.took().toMillis());
        json.put("status", StatusReport.json(after, target));
        return json;
    }

    /** {@code push}: the plan, and whether it ran. */
    public static Map<String, Object> push(int exitCode, String target, boolean dryRun, PushResult plan, String refusal) {
        Map<String, Object> json = head(exitCode, target);
        json.put("dryRun", dryRun);
        json.put("upToDate", plan != null && plan.upToDate());
        json.put("applied", plan != null && plan.applied());
        json.put("losesData", plan != null && plan.losesData());
        json.put("changes", plan == null ? List.of() : descriptions(plan.changes()));
        json.put("statements", plan == null ? List.of() : plan.statements());
        json.put("affected", plan == null ? List.of() : affected(plan.affected()));
        json.put("hints", plan == null ? List.of() : plan.hints());
        json.put("refused", refusal);
        return json;
    }

    /** {@code adopt}: the comparison and what was recorded. */
    public static Map<String, Object> adopt(int exitCode, String target, String migration, ComparisonReport report,
            List<String> recorded) {
        Map<String, Object> json = head(exitCode, target);
        json.put("migration", migration);
        json.put("adopted", exitCode == 0);
        json.put("recorded", recorded);
        json.put("differences", report.failures().stream().map(Difference::line).toList());
        json.put("warnings", report.warnings().stream().map(Difference::line).toList());
        json.put("drizzleHistory", report.drizzleHistory().map(h -> h.describe()).orElse(null));
        return json;
    }

    /** {@code rollback}: the plan, whether it ran, and why it was refused. */
    public static Map<String, Object> rollback(int exitCode, String target, RollbackPlan plan, String refusal) {
        Map<String, Object> json = head(exitCode, target);
        json.put("rolledBack", plan.applied());
        json.put("migrations", plan.migrations());
        json.put("statements", plan.statements());
        json.put("affected", affected(plan.affected()));
        json.put("noRollback", plan.noRollback());
        json.put("structureOnly", plan.structureOnly());
        json.put("refused", refusal);
        return json;
    }

    /** {@code generate}: the migration written, or none. */
    public static Map<String, Object> generate(int exitCode, Path folder, GeneratedMigration written, String decisionsNeeded) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ok", exitCode == 0);
        json.put("exitCode", exitCode);
        json.put("folder", folder.toString());
        json.put("written", written != null);
        json.put("migration", written == null ? null : written.tag());
        json.put("sqlFile", written == null ? null : written.sqlFile().toString());
        json.put("snapshotFile", written == null ? null : written.snapshotFile().toString());
        json.put("changes", written == null ? List.of() : descriptions(written.changes()));
        json.put("decisionsApplied", written == null ? List.of() : written.decisionsApplied().stream().map(Decision::line).toList());
        json.put("decisionsUnused", written == null ? List.of() : written.decisionsUnused().stream().map(Decision::line).toList());
        json.put("decisionsNeeded", decisionsNeeded);
        return json;
    }

    private static Map<String, Object> head(int exitCode, String target) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ok", exitCode == 0);
        json.put("exitCode", exitCode);
        json.put("target", target);
        return json;
    }

    private static List<String> descriptions(List<SchemaChange> changes) {
        return changes.stream().map(SchemaChange::description).toList();
    }

    private static List<Map<String, Object>> affected(List<AffectedRows> affected) {
        return affected.stream().map(a -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("change", a.change());
            row.put("rows", a.rows());
            row.put("kind", a.kind().name());
            row.put("line", a.line());
            return row;
        }).toList();
    }
}
