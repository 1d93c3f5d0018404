package ai.paperclip.db.introspect;

import ai.paperclip.db.introspect.internal.Jdbc;
import ai.paperclip.db.introspect.internal.ModelComparator;
import ai.paperclip.schema.model.SchemaModel;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares a live database with an expected schema model (for {@code adopt}: the snapshot of the
 * migration the database should be at, see
 * {@link ai.paperclip.schema.migration.CommittedMigrations#schemaAfter(String)}). Everything the expected
 * schema defines must be there exactly: a missing or different table, column, key, check or index
 * is a failure. Whatever it does not define is a warning: a real Paperclip database holds many
 * more tables, and a host application may add columns, indexes and keys of its own.
 *
 * <pre>{@code
 * SchemaModel expected = CommittedMigrations.paperclip().schemaAfter("0000");
 * try (Connection c = db.dataSource().getConnection()) {
 *     ComparisonReport report = SchemaComparison.compare(c, expected);
 *     report.lines().forEach(System.out::println);
 *     if (report.matches()) { ... mark the migrations up to 0000 as applied ... }
 * }
 * }</pre>
 */
public final class SchemaComparison {

    private SchemaComparison() {
    }

    /** Introspects the {@code public} schema and compares it with {@code expected}. */
    public static ComparisonReport compare(Connection connection, SchemaModel expected) {
        return compare(connection, SchemaIntrospector.DEFAULT_SCHEMA, expected);
    }

    /**
     * Introspects {@code schema} and compares it with {@code expected}; also reports an upstream
     * {@value DrizzleHistory#TABLE} table. An extension the expected schema needs counts as present
     * when it is installed anywhere in the database, even if no table uses it yet.
     *
     * @throws IntrospectionException when the catalog cannot be read
     */
    public static ComparisonReport compare(Connection connection, String schema, SchemaModel expected) {
        SchemaModel live = SchemaIntrospector.introspect(connection, schema);
        try {
            List<String> extensions = new ArrayList<>(live.extensions());
            for (String installed : Jdbc.strings(connection, "SELECT extname FROM pg_extension")) {
                if (expected.extensions().contains(installed) && !extensions.contains(installed)) {
                    extensions.add(installed);
                }
            }
            SchemaModel withExtensions = new SchemaModel(extensions, live.tables());
            ModelComparator.Result result = ModelComparator.compare(withExtensions, expected);
            List<Difference> warnings = new ArrayList<>(result.warnings());
            warnings.addAll(triggers(connection, schema, expected));
            return new ComparisonReport(result.failures(), warnings, drizzleHistory(connection));
        } catch (SQLException e) {
            throw new IntrospectionException("Cannot compare schema \"" + schema + "\": " + e.getMessage(),
                    e.getSQLState(), e);
        }
    }

    /**
     * The triggers on the tables {@code expected} defines: the schema model has none, so each is a warning, as an
     * extra foreign key is (upstream Paperclip's AFTER DELETE trigger on {@code agents}, a host's audit trigger).
     * They are kept as they are; a trigger that writes elsewhere may still surprise a migration, hence the warning.
     */
    private static List<Difference> triggers(Connection connection, String schema, SchemaModel expected) throws SQLException {
        java.util.Set<String> tables = new java.util.HashSet<>();
        expected.tables().forEach(t -> tables.add(t.name()));
        List<Difference> warnings = new ArrayList<>();
        Jdbc.query(connection, "SELECT c.relname, t.tgname, pg_get_triggerdef(t.oid) FROM pg_trigger t"
                + " JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND NOT t.tgisinternal ORDER BY 1, 2", rs -> {
                    if (tables.contains(rs.getString(1))) {
                        warnings.add(new Difference(Difference.Severity.WARNING, "trigger " + rs.getString(1) + "."
                                + rs.getString(2), "not defined by the schema (" + rs.getString(3) + ")"));
                    }
                }, schema);
        return warnings;
    }

    /** Compares two models; no database involved, so no drizzle history is reported. */
    public static ComparisonReport compare(SchemaModel live, SchemaModel expected) {
        ModelComparator.Result result = ModelComparator.compare(live, expected);
        return new ComparisonReport(result.failures(), result.warnings(), Optional.empty());
    }

    /**
     * The upstream drizzle-kit history, if the database has its table.
     *
     * @throws IntrospectionException when the table exists but cannot be read
     */
    public static Optional<DrizzleHistory> drizzleHistory(Connection connection) {
        try {
            if (Jdbc.strings(connection, "SELECT to_regclass(?)::text", DrizzleHistory.TABLE).get(0) == null) {
                return Optional.empty();
            }
            return Optional.of(new DrizzleHistory(Jdbc.count(connection, "SELECT count(*) FROM " + DrizzleHistory.TABLE)));
        } catch (SQLException e) {
            throw new IntrospectionException("Cannot read " + DrizzleHistory.TABLE + ": " + e.getMessage()
                    + ". Grant SELECT on it to this user.", e.getSQLState(), e);
        }
    }
}
