package ai.paperclip.db.migration;

import ai.paperclip.db.introspect.ComparisonReport;
import ai.paperclip.db.introspect.SchemaComparison;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The database half of the CI gate ({@code check --database}, the Maven plugin's {@code checkDatabase}): does the
 * database have every migration of one history applied, each as committed, and is its schema still what the newest
 * applied migration produced? The last question compares the live schema with that migration's snapshot
 * ({@link SchemaComparison}, as {@code adopt} does); it is asked only when the first two pass. Reads only.
 *
 * <pre>{@code
 * try (MigrationDatabase db = MigrationDatabase.open(System.getenv())) {
 *     DatabaseCheck.Result result = DatabaseCheck.run(db, MigrationSource.folder(Path.of("db/migrations")));
 *     if (result.verdict() != DatabaseCheck.Verdict.OK) { ... }
 * }
 * }</pre>
 */
public final class DatabaseCheck {

    /** What the gate says, the first that applies in this order. */
    public enum Verdict {
        /** Every migration applied as committed, and no drift. */
        OK,
        /** An applied migration was edited since (its file no longer matches its checksum). */
        EDITED,
        /** Migrations are pending, or the history is inconsistent. */
        PENDING,
        /** The live schema differs from the snapshot of the newest applied migration. */
        DRIFT
    }

    /**
     * The gate's findings.
     *
     * @param status the migration status of the history
     * @param drift the comparison with the newest applied migration's snapshot; empty when it was not made (the
     *     status did not pass, or nothing is applied)
     * @param verdict what the gate says
     */
    public record Result(MigrationStatus status, Optional<ComparisonReport> drift, Verdict verdict) {

        public Result {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(drift, "drift");
            Objects.requireNonNull(verdict, "verdict");
        }

        /** The newest applied migration ({@code NNNN_name}) the live schema was compared with, if any. */
        public Optional<String> comparedWith() {
            List<String> applied = status.applied();
            return drift.isEmpty() || applied.isEmpty() ? Optional.empty() : Optional.of(applied.get(applied.size() - 1));
        }
    }

    private DatabaseCheck() {
    }

    /**
     * Checks {@code db} against {@code history}.
     *
     * @throws ai.paperclip.db.PaperclipDbException when the history table cannot be read
     * @throws ai.paperclip.db.introspect.IntrospectionException when the catalog cannot be read
     */
    public static Result run(MigrationDatabase db, MigrationSource history) {
        MigrationStatus status = db.migrator(List.of(history)).status();
        ComparisonReport drift = null;
        if (status.upToDate() && !status.applied().isEmpty()) {
            // What was applied is what is committed; is the live schema still what it produced?
            try (Connection connection = db.connect()) {
                drift = SchemaComparison.compare(connection, history.read()
                        .schemaAfter(status.applied().get(status.applied().size() - 1)));
            } catch (SQLException e) {
                throw new ai.paperclip.db.PaperclipDbException("Cannot close the connection to " + db.description() + ": "
                        + e.getMessage(), e.getSQLState(), e);
            }
        }
        Verdict verdict = !status.edited().isEmpty() ? Verdict.EDITED
                : !status.upToDate() ? Verdict.PENDING
                : drift != null && !drift.matches() ? Verdict.DRIFT : Verdict.OK;
        return new Result(status, Optional.ofNullable(drift), verdict);
    }
}
