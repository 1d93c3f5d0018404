package ai.paperclip.schema.migration.internal;

import static ai.paperclip.schema.ddl.Identifiers.quote;

import ai.paperclip.schema.ddl.PostgresDdl;
import ai.paperclip.schema.model.ColumnModel;
import ai.paperclip.schema.model.UniqueConstraintModel;

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

    public static String validateConstraint(String table, String constraint) {
        return alterTable(table) + " VALIDATE CONSTRAINT " + quote(constraint);
    }

    public static String dropConstraintIfExists(String table, String constraint) {
        return alterTable(table) + " DROP CONSTRAINT IF EXISTS " + quote(constraint);
    }

    /** The helper check that lets {@code SET NOT NULL} skip its scan once validated. */
    public static String addNotNullCheck(String table, String column, String check) {
        return alterTable(table) + " ADD CONSTRAINT " + quote(check) + " CHECK (" + quote(column) + " IS NOT NULL) NOT VALID";
    }

    public static String dropIndexConcurrentlyIfExists(String index) {
        return "DROP INDEX CONCURRENTLY IF EXISTS " + quote(index);
    }

    /** The index a unique constraint would build, built concurrently; same definition, so the catalog matches. */
    public static String createUniqueIndexConcurrently(String table, UniqueConstraintModel unique) {
        return "CREATE UNIQUE INDEX CONCURRENTLY " + quote(unique.name()) + " ON " + quote(table) + " ("
                + PostgresDdl.columnList(unique.columns()) + ")" + (unique.nullsNotDistinct() ? " NULLS NOT DISTINCT" : "");
    }

    public static String addUniqueUsingIndex(String table, String name) {
        return alterTable(table) + " ADD CONSTRAINT " + quote(name) + " UNIQUE USING INDEX " + quote(name);
    }
}
