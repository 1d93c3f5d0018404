package ai.paperclip.schema.migration.internal;

import static ai.paperclip.schema.ddl.Identifiers.quote;

import ai.paperclip.schema.ddl.PostgresDdl;
import ai.paperclip.schema.model.ColumnModel;

/**
 * The {@code ALTER} statements the diff needs beyond {@link PostgresDdl}: renames and column
 * changes. Deterministic like PostgresDdl; no trailing semicolons.
 */
public final class AlterDdl {

    private AlterDdl() {
    }

    private static String alterTable(String table) {
        return "ALTER TABLE " + quote(table);
    }

    private static String alterColumn(String table, String column) {
        return alterTable(table) + " ALTER COLUMN " + quote(column);
    }

    public static String renameTable(String from, String to) {
        return alterTable(from) + " RENAME TO " + quote(to);
    }

    public static String renameColumn(String table, String from, String to) {
        return alterTable(table) + " RENAME COLUMN " + quote(from) + " TO " + quote(to);
    }

    public static String renameConstraint(String table, String from, String to) {
        return alterTable(table) + " RENAME CONSTRAINT " + quote(from) + " TO " + quote(to);
    }

    public static String renameIndex(String from, String to) {
        return "ALTER INDEX " + quote(from) + " RENAME TO " + quote(to);
    }

    public static String renameSequence(String from, String to) {
        return "ALTER SEQUENCE " + quote(from) + " RENAME TO " + quote(to);
    }

    public static String addColumn(String table, ColumnModel column) {
        return alterTable(table) + " ADD COLUMN " + PostgresDdl.columnDefinition(table, column);
    }

    public static String dropColumn(String table, String column) {
        return alterTable(table) + " DROP COLUMN " + quote(column);
    }

    /**
     * Changes a column's type. A {@code USING} cast is written unless the change is a known
     * widening, which PostgreSQL converts by itself.
     */
    public static String changeType(String table, String column, String fromType, String toType) {
        String sql = alterColumn(table, column) + " TYPE " + toType;
        return TypeChanges.isWidening(fromType, toType) ? sql : sql + " USING " + quote(column) + "::" + toType;
    }

    public static String setDefault(String table, String column, String expression) {
        return alterColumn(table, column) + " SET DEFAULT " + expression;
    }

    public static String dropDefault(String table, String column) {
        return alterColumn(table, column) + " DROP DEFAULT";
    }

    public static String setNotNull(String table, String column, boolean notNull) {
        return alterColumn(table, column) + (notNull ? " SET NOT NULL" : " DROP NOT NULL");
    }

    public static String addIdentity(String table, String column, ColumnModel.Identity identity) {
        return alterColumn(table, column) + " ADD GENERATED " + identity.sql() + " AS IDENTITY";
    }

    public static String setIdentity(String table, String column, ColumnModel.Identity identity) {
        return alterColumn(table, column) + " SET GENERATED " + identity.sql();
    }

    public static String dropIdentity(String table, String column) {
        return alterColumn(table, column) + " DROP IDENTITY";
    }
}
