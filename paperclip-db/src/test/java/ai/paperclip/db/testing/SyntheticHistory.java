package ai.paperclip.db.testing;

import ai.paperclip.schema.migration.MigrationGenerator;
import ai.paperclip.schema.migration.MigrationOptions;
import ai.paperclip.schema.model.CheckModel;
import ai.paperclip.schema.model.ColumnModel;
import ai.paperclip.schema.model.ForeignKeyModel;
import ai.paperclip.schema.model.IndexModel;
import ai.paperclip.schema.model.IndexModel.IndexElement;
import ai.paperclip.schema.model.PrimaryKeyModel;
import ai.paperclip.schema.model.ReferentialAction;
import ai.paperclip.schema.model.SchemaModel;
import ai.paperclip.schema.model.TableModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A history the generator writes for a schema shaped like Paperclip's: {@code tables} tables (uuid key, a dozen
 * columns, foreign keys, a partial and a gin index, a check), then a second migration adding a column and an
 * index (built CONCURRENTLY, so outside a transaction) to every tenth table. Authored {@code synth}.
 */
public final class SyntheticHistory {

    public static final String AUTHOR = "synth";

    private SyntheticHistory() {
    }

    /** Writes the two migrations into {@code folder} and returns it. */
    public static Path write(Path folder, int tables) {
        SchemaModel base = of(tables);
        MigrationGenerator.generate(base, folder, MigrationOptions.builder().author(AUTHOR).name("tables").build());
        MigrationGenerator.generate(evolved(base), folder, MigrationOptions.builder().author(AUTHOR).name("archive")
                .build());
        return folder;
    }

    static SchemaModel of(int tables) {
        List<TableModel> all = new ArrayList<>();
        for (int t = 0; t < tables; t++) {
            all.add(table(t));
        }
        return new SchemaModel(List.of("pg_trgm"), all);
    }

    private static SchemaModel evolved(SchemaModel base) {
        List<TableModel> tables = new ArrayList<>();
        for (int i = 0; i < base.tables().size(); i++) {
            TableModel t = base.tables().get(i);
            if (i % 10 != 0) {
                tables.add(t);
                continue;
            }
            List<ColumnModel> columns = new ArrayList<>(t.columns());
            columns.add(new ColumnModel("archived_at", "timestamp with time zone", false, null));
            List<IndexModel> indexes = new ArrayList<>(t.indexes());
            indexes.add(new IndexModel(t.name() + "_archived_idx", false, "btree",
                    List.of(IndexElement.column("archived_at")), null));
            tables.add(new TableModel(t.name(), columns, t.primaryKey(), t.foreignKeys(), t.uniqueConstraints(),
                    t.checks(), indexes));
        }
        return new SchemaModel(base.extensions(), tables);
    }

    private static TableModel table(int t) {
        String name = String.format("table_%04d", t);
        List<ColumnModel> columns = List.of(
                new ColumnModel("id", "uuid", true, "gen_random_uuid()"),
                new ColumnModel("company_id", "uuid", true, null),
                new ColumnModel("parent_id", "uuid", false, null),
                new ColumnModel("title", "text", true, null),
                new ColumnModel("description", "text", false, null),
                new ColumnModel("status", "text", true, "'active'::text"),
                new ColumnModel("priority", "integer", true, "0"),
                new ColumnModel("budget_cents", "bigint", true, "0"),
                new ColumnModel("enabled", "boolean", true, "false"),
                new ColumnModel("metadata", "jsonb", true, "'{}'::jsonb"),
                new ColumnModel("created_at", "timestamp with time zone", true, "now()"),
                new ColumnModel("updated_at", "timestamp with time zone", true, "now()"));
        List<ForeignKeyModel> foreignKeys = new ArrayList<>();
        if (t > 0) {
            String target = String.format("table_%04d", t - 1);
            foreignKeys.add(new ForeignKeyModel(name + "_company_id_" + target + "_id_fk", List.of("company_id"),
                    target, List.of("id"), ReferentialAction.CASCADE, null));
        }
        foreignKeys.add(new ForeignKeyModel(name + "_parent_id_" + name + "_id_fk", List.of("parent_id"), name,
                List.of("id"), ReferentialAction.SET_NULL, null));
        List<IndexModel> indexes = List.of(
                new IndexModel(name + "_company_status_idx", false, "btree",
                        List.of(IndexElement.column("company_id"), IndexElement.column("status")), null),
                new IndexModel(name + "_open_idx", false, "btree", List.of(IndexElement.column("company_id")),
                        "(status <> 'done'::text)"),
                new IndexModel(name + "_title_search_idx", false, "gin",
                        List.of(IndexElement.column("title").withOperatorClass("gin_trgm_ops")), null));
        return new TableModel(name, columns, new PrimaryKeyModel(name + "_pkey", List.of("id")), foreignKeys,
                List.of(), List.of(new CheckModel(name + "_priority_check", "(priority >= 0)")), indexes);
    }
}
