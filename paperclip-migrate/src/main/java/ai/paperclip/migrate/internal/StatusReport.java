package ai.paperclip.migrate.internal;

import ai.paperclip.db.migration.MigrationStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Words a {@link MigrationStatus} for people (one reason line) and for scripts (JSON). */
public final class StatusReport {

    private static final int TABLES_SHOWN = 5;

    private StatusReport() {
    }

    /** Why the database does or does not need migrations, with what to run. */
    public static String reason(MigrationStatus status) {
        if (!status.problems().isEmpty()) {
            return "the migration history looks inconsistent: " + String.join("; ", status.problems());
        }
        return switch (status.state()) {
            case UP_TO_DATE -> "up to date" + (status.applied().isEmpty() ? "" : " at " + last(status.applied()))
                    + " (" + count(status.applied().size()) + " applied)";
            case EMPTY -> "the database is empty: " + count(status.pending().size()) + " to apply. Run paperclip-migrate migrate.";
            case PENDING -> count(status.pending().size()) + " pending (" + String.join(", ", status.pending())
                    + "). Run paperclip-migrate migrate.";
            case NOT_MANAGED -> "the database has tables (" + tables(status.tables()) + ") but no migration history."
                    + " Run paperclip-migrate adopt to take it over, or reset it.";
        };
    }

    /** {@code upToDate}, {@code needsMigrations}, the reason and the lists, for {@code --json}. */
    public static Map<String, Object> json(MigrationStatus status, String target) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("target", target);
        json.put("upToDate", status.upToDate());
        json.put("needsMigrations", !status.upToDate());
        json.put("state", status.state().name());
        json.put("reason", reason(status));
        json.put("applied", status.applied());
        json.put("pending", status.pending());
        json.put("unknown", status.unknown());
        json.put("problems", status.problems());
        if (status.state() == MigrationStatus.State.NOT_MANAGED) {
            json.put("tables", status.tables());
        }
        return json;
    }

    private static String count(int n) {
        return n + (n == 1 ? " migration" : " migrations");
    }

    private static String last(List<String> list) {
        return list.get(list.size() - 1);
    }

    private static String tables(List<String> tables) {
        List<String> shown = tables.subList(0, Math.min(TABLES_SHOWN, tables.size()));
        return String.join(", ", shown) + (tables.size() > TABLES_SHOWN ? " and " + (tables.size() - TABLES_SHOWN) + " more" : "");
    }
}
