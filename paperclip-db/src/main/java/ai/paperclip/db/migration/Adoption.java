package ai.paperclip.db.migration;

import ai.paperclip.db.PaperclipDbException;
import ai.paperclip.db.introspect.ComparisonReport;
import ai.paperclip.db.introspect.SchemaComparison;
import ai.paperclip.schema.migration.CommittedMigrations;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * Takes over a database whose tables were made another way (the TypeScript Paperclip, {@code push}, plain DDL): the
 * CLI's {@code adopt} and the Maven plugin's goal. Compares the live {@code public} schema with the snapshot of one
 * migration ({@link SchemaComparison}) and, only when nothing the snapshot defines is missing or different, records
 * the migrations up to it as applied ({@link Migrator#markApplied}). What the snapshot does not define is a warning.
 *
 * <pre>{@code
 * CommittedMigrations history = MigrationSource.paperclip().read();
 * String tag = Adoption.migration(history, null);               // the newest
 * try (MigrationDatabase db = MigrationDatabase.open(System.getenv())) {
 *     Adoption.Result result = Adoption.adopt(db, MigrationSource.paperclip(), tag);
 *     if (!result.adopted()) { result.report().failures().forEach(d -> log.warn(d.line())); }
 * }
 * }</pre>
 */
public final class Adoption {

    /**
     * What adopting found and did.
     *
     * @param migration the migration ({@code NNNN_name}) the database was compared with
     * @param report the comparison: failures (it was refused when there is one), warnings, an upstream drizzle history
     * @param recorded the changesets recorded as applied; empty when refused, or when they already were
     */
    public record Result(String migration, ComparisonReport report, List<String> recorded) {

        public Result {
            Objects.requireNonNull(migration, "migration");
            Objects.requireNonNull(report, "report");
            recorded = List.copyOf(recorded);
        }

        /** Whether the database matched and its history now says so. */
        public boolean adopted() {
            return report.matches();
        }
    }

    private Adoption() {
    }

    /**
     * The migration to adopt at: {@code to} (a tag, its number, or the number without zeros), else the newest.
     *
     * @throws IllegalArgumentException when the history has no migrations
     * @throws ai.paperclip.schema.migration.MigrationException naming the migrations there are, for an unknown {@code to}
     */
    public static String migration(CommittedMigrations history, String to) {
        if (history.migrations().isEmpty()) {
            throw new IllegalArgumentException("The history has no migrations: there is nothing to adopt.");
        }
        return to == null ? history.migrations().get(history.migrations().size() - 1).tag() : history.migration(to).tag();
    }

    /**
     * Compares {@code db} with the schema after {@code migration} of {@code source} and, when it matches, records the
     * migrations up to it as applied.
     *
     * @throws ai.paperclip.db.introspect.IntrospectionException when the catalog cannot be read
     * @throws PaperclipDbException when the history cannot be written
     */
    public static Result adopt(MigrationDatabase db, MigrationSource source, String migration) {
        ComparisonReport report;
        try (Connection connection = db.connect()) {
            report = SchemaComparison.compare(connection, source.read().schemaAfter(migration));
        } catch (SQLException e) {
            throw new PaperclipDbException("Cannot close the connection to " + db.description() + ": " + e.getMessage(),
                    e.getSQLState(), e);
        }
        List<String> recorded = report.matches() ? db.migrator(List.of(source)).markApplied(migration) : List.of();
        return new Result(migration, report, recorded);
    }
}
