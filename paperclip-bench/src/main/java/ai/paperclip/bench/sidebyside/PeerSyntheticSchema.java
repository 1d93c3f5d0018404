package ai.paperclip.bench.sidebyside;

import ai.paperclip.schema.model.ColumnModel;
import ai.paperclip.schema.model.ForeignKeyModel;
import ai.paperclip.schema.model.IndexModel;
import ai.paperclip.schema.model.IndexModel.IndexElement;
import ai.paperclip.schema.model.PrimaryKeyModel;
import ai.paperclip.schema.model.SchemaModel;
import ai.paperclip.schema.model.TableModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The peer harness's synthetic schema ({@code gen-synth.mjs}), table for table: N tables {@code t0000}.. of
 * 10 columns, a foreign key to the previous table (N-1 in all) and two indexes each; {@code plus1} adds a
 * nullable {@code extra text} column to the last table.
 */
final class PeerSyntheticSchema {

    private PeerSyntheticSchema() {
    }

    static SchemaModel of(int tables, boolean plus1) {
        List<TableModel> all = new ArrayList<>();
        for (int i = 0; i < tables; i++) {
            all.add(table(i, plus1 && i == tables - 1));
        }
        return new SchemaModel(List.of(), all);
    }

    private static String name(int i) {
        return String.format("t%04d", i);
    }

    private static TableModel table(int i, boolean extra) {
        String t = name(i);
        List<ColumnModel> columns = new ArrayList<>(List.of(
                new ColumnModel("id", "uuid", true, "gen_random_uuid()"),
                new ColumnModel("prev_id", "uuid", false, null),
                new ColumnModel("name", "text", true, null),
                new ColumnModel("code", "character varying(64)", false, null),
                new ColumnModel("qty", "integer", true, "0"),
                new ColumnModel("amount", "numeric(12,2)", false, null),
                new ColumnModel("active", "boolean", true, "true"),
                new ColumnModel("payload", "jsonb", false, null),
                new ColumnModel("seq", "bigint", false, null),
                new ColumnModel("created_at", "timestamp with time zone", true, "now()")));
        if (extra) {
            columns.add(new ColumnModel("extra", "text", false, null));
        }
        List<ForeignKeyModel> fks = i == 0 ? List.of() : List.of(new ForeignKeyModel(
                t + "_prev_id_" + name(i - 1) + "_id_fk", List.of("prev_id"), name(i - 1), List.of("id"), null, null));
        List<IndexModel> indexes = List.of(
                new IndexModel(t + "_name_created_idx", false, "btree",
                        List.of(IndexElement.column("name"), IndexElement.column("created_at")), null),
                new IndexModel(t + "_prev_idx", false, "btree", List.of(IndexElement.column("prev_id")), null));
        return new TableModel(t, columns, new PrimaryKeyModel(t + "_pkey", List.of("id")), fks, List.of(), List.of(),
                indexes);
    }
}
