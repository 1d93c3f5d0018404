package ai.paperclip.db.introspect.internal;

import static ai.paperclip.schema.ddl.Identifiers.quote;

import ai.paperclip.db.introspect.AffectedRows;
import ai.paperclip.db.introspect.AffectedRows.Kind;
import ai.paperclip.schema.migration.ColumnChanges.AddColumn;
import ai.paperclip.schema.migration.ColumnChanges.ChangeNullability;
import ai.paperclip.schema.migration.ColumnChanges.ChangeType;
import ai.paperclip.schema.migration.ColumnChanges.DropColumn;
import ai.paperclip.schema.migration.ColumnChanges.RenameColumn;
import ai.paperclip.schema.migration.SchemaChange;
import ai.paperclip.schema.migration.TableChanges.DropTable;
import ai.paperclip.schema.migration.TableChanges.RenameTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts, before a push or a rollback changes anything, the rows each risky change affects: rows of a
 * dropped table, non-null values of a dropped column or of a narrowed type (data loss), rows that a new
 * NOT NULL would reject (blocking: the statement would fail). Counts run on the live names, before the
 * push's own renames. A rollback's drops come from its SQL ({@link #droppedTable}, {@link #droppedColumn}),
 * a push's from its typed changes; both are counted here, the same way.
 */
public final class RowCounter {

    private static final String UNDEFINED_TABLE = "42P01";
    private static final String UNDEFINED_COLUMN = "42703";

    private final Connection connection;
    /** New table name to old, for tables the push renames. */
    private final Map<String, String> oldTables = new HashMap<>();
    /** "table.newColumn" to the old column name, for columns the push renames. */
    private final Map<String, String> oldColumns = new HashMap<>();

    private RowCounter(Connection connection, List<SchemaChange> changes) {
        this.connection = connection;
        for (SchemaChange change : changes) {
            if (change instanceof RenameTable r) {
                oldTables.put(r.to(), r.from());
            } else if (change instanceof RenameColumn r) {
                oldColumns.put(r.table() + "." + r.to(), r.from());
            }
        }
    }

    /** The changes that affect at least one row, with their counts, in the order of the changes. */
    public static List<AffectedRows> count(Connection connection, List<SchemaChange> changes) throws SQLException {
        RowCounter counter = new RowCounter(connection, changes);
        List<AffectedRows> affected = new ArrayList<>();
        for (SchemaChange change : changes) {
            AffectedRows rows = counter.count(change);
            if (rows != null && rows.rows() > 0) {
                affected.add(rows);
            }
        }
        return affected;
    }

    /**
     * The rows a statement that drops (or empties) {@code relation} deletes; {@code relation} is SQL as the
     * statement wrote it (quoted where needed, maybe schema-qualified). A relation that does not exist has none.
     */
    public static AffectedRows droppedTable(Connection connection, String change, String relation) throws SQLException {
        long n = countOrZero(connection, "SELECT count(*) FROM " + relation);
        return new AffectedRows(change, n, plural(n, "row") + " deleted", Kind.DATA_LOSS);
    }

    /** The non-null values a statement that drops {@code column} (SQL as written) of {@code relation} deletes. */
    public static AffectedRows droppedColumn(Connection connection, String change, String relation, String column)
            throws SQLException {
        long n = countOrZero(connection, "SELECT count(*) FROM " + relation + " WHERE " + column + " IS NOT NULL");
        return new AffectedRows(change, n, plural(n, "non-null value") + " deleted", Kind.DATA_LOSS);
    }

    private AffectedRows count(SchemaChange change) throws SQLException {
        if (change instanceof DropTable d) {
            return droppedTable(connection, change.description(), quote(oldTables.getOrDefault(d.table().name(),
                    d.table().name())));
        }
        if (change instanceof DropColumn d) {
            return droppedColumn(connection, change.description(), quote(oldTables.getOrDefault(d.table(), d.table())),
                    column(d.table(), d.column().name()));
        }
        if (change instanceof ChangeType t && t.dataLoss().isPresent()) {
            long n = rows(t.table(), column(t.table(), t.column()) + " IS NOT NULL");
            return new AffectedRows(change.description(), n, plural(n, "non-null value") + " converted to "
                    + t.toType() + "; a value that does not fit makes the push fail", Kind.DATA_LOSS);
        }
        if (change instanceof AddColumn a && a.column().notNull() && a.column().defaultExpression() == null
                && a.column().identity() == null) {
            long n = rows(a.table(), null);
            return new AffectedRows(change.description(), n, plural(n, "row") + " would have no value for this NOT NULL"
                    + " column: give it a default, or make it nullable and fill it first", Kind.BLOCKING);
        }
        if (change instanceof ChangeNullability c && c.notNull()) {
            long n = rows(c.table(), column(c.table(), c.column()) + " IS NULL");
            return new AffectedRows(change.description(), n, plural(n, "row") + " hold NULL in it: fill them before"
                    + " making the column NOT NULL", Kind.BLOCKING);
        }
        return null;
    }

    private String column(String table, String column) {
        return quote(oldColumns.getOrDefault(table + "." + column, column));
    }

    private long rows(String table, String condition) throws SQLException {
        return Jdbc.count(connection, "SELECT count(*) FROM " + quote(oldTables.getOrDefault(table, table))
                + (condition == null ? "" : " WHERE " + condition));
    }

    /** A count of a table or column that is not there (an {@code IF EXISTS} drop): nothing to lose. */
    private static long countOrZero(Connection connection, String sql) throws SQLException {
        boolean inTransaction = !connection.getAutoCommit();
        Savepoint savepoint = inTransaction ? connection.setSavepoint() : null;
        try {
            long n = Jdbc.count(connection, sql);
            if (savepoint != null) {
                connection.releaseSavepoint(savepoint);
            }
            return n;
        } catch (SQLException e) {
            if (!UNDEFINED_TABLE.equals(e.getSQLState()) && !UNDEFINED_COLUMN.equals(e.getSQLState())) {
                throw e;
            }
            if (savepoint != null) {
                connection.rollback(savepoint);
            }
            return 0;
        }
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
