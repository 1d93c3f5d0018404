package ai.paperclip.schema.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A whole database schema as plain immutable data: the form that snapshots store, the diff
 * compares and the DDL renderer prints. Tables and extensions are kept sorted by name, so two
 * models of the same schema are equal and serialise to the same bytes.
 *
 * @param extensions PostgreSQL extensions the schema needs ({@code pg_trgm}), sorted
 * @param tables the tables, sorted by name
 */
public record SchemaModel(List<String> extensions, List<TableModel> tables) {

    public SchemaModel {
        extensions = Models.sortedCopy(extensions, Comparator.naturalOrder());
        tables = Models.sortedCopy(tables, Comparator.comparing(TableModel::name));
        Models.requireUniqueNames(tables, TableModel::name, "table", "schema");
    }

    /** The empty schema: the parent of the first migration. */
    public static SchemaModel empty() {
        return new SchemaModel(List.of(), List.of());
    }

    public Optional<TableModel> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
