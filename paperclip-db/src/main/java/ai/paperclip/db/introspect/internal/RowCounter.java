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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts, before a push changes anything, the rows each risky change affects: rows of a dropped
 * table, non-null values of a dropped column or of a narrowed type (data loss), rows that a new NOT
 * NULL would reject (blocking: the statement would fail). Counts run on the live names, before the
 * push's own renames.
 */
public final class RowCounter {

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

    private AffectedRows count(SchemaChange change) throws SQLException {
        if (change instanceof DropTable d) {
            long n = rows(d.table().name(), null);
            return new AffectedRows(change.description(), n, plural(n, "row") + " deleted", Kind.DATA_LOSS);
        }
        if (change instanceof DropColumn d) {
            long n = rows(d.table(), column(d.table(), d.column().name()) + " IS NOT NULL");
            return new AffectedRows(change.description(), n, plural(n, "non-null value") + " deleted", Kind.DATA_LOSS);
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

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
