package ai.paperclip.db.introspect.internal;

import ai.paperclip.db.introspect.Difference;
import ai.paperclip.db.introspect.Difference.Severity;
import ai.paperclip.schema.ddl.PostgresDdl;
import ai.paperclip.schema.model.ColumnModel;
import ai.paperclip.schema.model.IndexModel;
import ai.paperclip.schema.model.SchemaModel;
import ai.paperclip.schema.model.TableModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares a live model with an expected one, object by object and by name: what the expected
 * model defines must be there exactly (failures); what it does not define is reported (warnings).
 * Columns are matched by name, not position: {@code ADD COLUMN} appends, so a migrated table's
 * physical order may differ from a fresh {@code CREATE TABLE}.
 */
public final class ModelComparator {

    private final List<Difference> failures = new ArrayList<>();
    private final List<Difference> warnings = new ArrayList<>();

    /** Failures and warnings, each in schema order. */
    public record Result(List<Difference> failures, List<Difference> warnings) {
    }

    private ModelComparator() {
    }

    public static Result compare(SchemaModel live, SchemaModel expected) {
        ModelComparator comparator = new ModelComparator();
        comparator.run(live, expected);
        return new Result(List.copyOf(comparator.failures), List.copyOf(comparator.warnings));
    }

    private void run(SchemaModel live, SchemaModel expected) {
        expected.extensions().stream().filter(e -> !live.extensions().contains(e))
                .forEach(e -> fail("extension " + e, "not installed; the schema needs it"));
        live.extensions().stream().filter(e -> !expected.extensions().contains(e))
                .forEach(e -> warn("extension " + e, "installed and used, but not declared by the schema"));
        for (TableModel table : expected.tables()) {
            Optional<TableModel> found = live.table(table.name());
            if (found.isEmpty()) {
                fail("table " + table.name(), "missing");
            } else {
                compareTable(found.get(), table);
            }
        }
        live.tables().stream().filter(t -> expected.table(t.name()).isEmpty())
                .forEach(t -> warn("table " + t.name(), "not defined by the schema"));
    }

    private void compareTable(TableModel live, TableModel expected) {
        String table = expected.name();
        for (ColumnModel column : expected.columns()) {
            live.column(column.name()).ifPresentOrElse(found -> compareColumn(table, found, column),
                    () -> fail("column " + table + "." + column.name(), "missing (expected "
                            + PostgresDdl.columnDefinition(table, column) + ")"));
        }
        for (ColumnModel extra : live.columns()) {
            if (expected.column(extra.name()).isEmpty()) {
                boolean blocksInserts = extra.notNull() && extra.defaultExpression() == null && extra.identity() == null;
                warn("column " + table + "." + extra.name(), "not defined by the schema"
                        + (blocksInserts ? "; it is NOT NULL without a default, so inserts that do not set it fail" : ""));
            }
        }
        String pkLive = live.primaryKey() == null ? null : PostgresDdl.addPrimaryKey(table, live.primaryKey());
        String pkExpected = expected.primaryKey() == null ? null : PostgresDdl.addPrimaryKey(table, expected.primaryKey());
        if (!Objects.equals(pkLive, pkExpected)) {
            if (pkExpected == null) {
                warn("primary key of " + table, "not defined by the schema: " + pkLive);
            } else {
                fail("primary key of " + table, pkLive == null ? "missing (expected " + pkExpected + ")"
                        : "is " + pkLive + ", expected " + pkExpected);
            }
        }
        new NamedObjects(table, this::fail, this::warn)
                .compare("foreign key", live.foreignKeys(), expected.foreignKeys(), fk -> fk.name(),
                        fk -> PostgresDdl.addForeignKey(table, fk))
                .compare("unique constraint", live.uniqueConstraints(), expected.uniqueConstraints(), u -> u.name(),
                        u -> PostgresDdl.addUnique(table, u))
                .compare("check", live.checks(), expected.checks(), c -> c.name(), c -> PostgresDdl.addCheck(table, c))
                .compare("index", live.indexes(), expected.indexes(), IndexModel::name,
                        ix -> PostgresDdl.createIndex(table, ix, false));
    }

    private void compareColumn(String table, ColumnModel live, ColumnModel expected) {
        String object = "column " + table + "." + expected.name();
        if (!live.type().equals(expected.type())) {
            fail(object, "type is " + live.type() + ", expected " + expected.type());
        }
        if (live.notNull() != expected.notNull()) {
            fail(object, expected.notNull() ? "nullable, expected NOT NULL" : "NOT NULL, expected nullable");
        }
        if (!Objects.equals(live.defaultExpression(), expected.defaultExpression())) {
            fail(object, "default is " + orNone(live.defaultExpression()) + ", expected " + orNone(expected.defaultExpression()));
        }
        if (live.identity() != expected.identity()) {
            fail(object, "identity is " + identity(live.identity()) + ", expected " + identity(expected.identity()));
        }
    }

    private static String orNone(String expression) {
        return expression == null ? "none" : expression;
    }

    private static String identity(ColumnModel.Identity identity) {
        return identity == null ? "none" : "GENERATED " + identity.sql() + " AS IDENTITY";
    }

    private void fail(String object, String message) {
        failures.add(new Difference(Severity.FAILURE, object, message));
    }

    private void warn(String object, String message) {
        warnings.add(new Difference(Severity.WARNING, object, message));
    }
}
