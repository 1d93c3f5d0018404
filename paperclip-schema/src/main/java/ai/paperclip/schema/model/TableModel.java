package ai.paperclip.schema.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One table. Columns keep their definition order (it is the physical order of a fresh
 * {@code CREATE TABLE}); constraints and indexes are sorted by name.
 *
 * @param name the table name, unquoted ({@code user}, not {@code "user"})
 * @param columns the columns in definition order
 * @param primaryKey the primary key, or {@code null} when the table has none
 * @param foreignKeys foreign keys, sorted by name
 * @param uniqueConstraints UNIQUE table constraints (not unique indexes), sorted by name
 * @param checks CHECK constraints, sorted by name
 * @param indexes indexes other than those backing the primary key and unique constraints, sorted by name
 */
public record TableModel(
        String name,
        List<ColumnModel> columns,
        PrimaryKeyModel primaryKey,
        List<ForeignKeyModel> foreignKeys,
        List<UniqueConstraintModel> uniqueConstraints,
        List<CheckModel> checks,
        List<IndexModel> indexes) {

    public TableModel {
        Models.requireName(name, "table");
        columns = Models.copy(columns);
        foreignKeys = Models.sortedCopy(foreignKeys, Comparator.comparing(ForeignKeyModel::name));
        uniqueConstraints = Models.sortedCopy(uniqueConstraints, Comparator.comparing(UniqueConstraintModel::name));
        checks = Models.sortedCopy(checks, Comparator.comparing(CheckModel::name));
        indexes = Models.sortedCopy(indexes, Comparator.comparing(IndexModel::name));
        Models.requireUniqueNames(columns, ColumnModel::name, "column", "table " + name);
    }

    public Optional<ColumnModel> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public Optional<IndexModel> index(String indexName) {
        return indexes.stream().filter(i -> i.name().equals(indexName)).findFirst();
    }
}
