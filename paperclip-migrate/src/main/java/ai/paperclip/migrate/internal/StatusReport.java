package ai.paperclip.migrate.internal;

import ai.paperclip.db.migration.MigrationStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/** Words a {@link MigrationStatus} for scripts: the {@code status} object of {@code --json}. */
public final class StatusReport {

    private StatusReport() {
    }

    /** {@code upToDate}, {@code needsMigrations}, the reason and the lists, for {@code --json}. */
    public static Map<String, Object> json(MigrationStatus status, String target) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("target", target);
        json.put("upToDate", status.upToDate());
        json.put("needsMigrations", !status.upToDate());
        json.put("state", status.state().name());
        json.put("reason", status.reason());
        json.put("applied", status.applied());
        json.put("pending", status.pending());
        json.put("unknown", status.unknown());
        json.put("problems", status.problems());
        if (status.state() == MigrationStatus.State.NOT_MANAGED) {
            json.put("tables", status.tables());
        }
        return json;
    }
}
