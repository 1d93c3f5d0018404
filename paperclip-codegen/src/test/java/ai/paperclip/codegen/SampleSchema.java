package ai.paperclip.codegen;

import ai.paperclip.schema.model.CheckModel;
import ai.paperclip.schema.model.ColumnModel;
import ai.paperclip.schema.model.ForeignKeyModel;
import ai.paperclip.schema.model.IndexModel;
import ai.paperclip.schema.model.IndexModel.IndexElement;
import ai.paperclip.schema.model.PrimaryKeyModel;
import ai.paperclip.schema.model.ReferentialAction;
import ai.paperclip.schema.model.SchemaModel;
import ai.paperclip.schema.model.TableModel;
import java.util.List;

/** A small schema with every column type the generator must map, named by class as a build would. */
public final class SampleSchema {

    public static final SchemaModel MODEL = new SchemaModel(List.of("pg_trgm"), List.of(
            new TableModel("companies",
                    List.of(new ColumnModel("id", "uuid", true, "gen_random_uuid()"),
                            new ColumnModel("name", "text", true, null),
                            new ColumnModel("code", "character varying(12)", false, null),
                            new ColumnModel("budget", "numeric(12,2)", true, "0"),
                            new ColumnModel("ratio", "double precision", false, null),
                            new ColumnModel("big", "bigint", false, null),
                            new ColumnModel("count", "integer", true, "0"),
                            new ColumnModel("active", "boolean", true, "false"),
                            new ColumnModel("founded", "date", false, null),
                            new ColumnModel("created_at", "timestamp with time zone", true, "now()"),
                            new ColumnModel("local_at", "timestamp without time zone", false, null),
                            new ColumnModel("settings", "jsonb", true, "'{}'::jsonb"),
                            new ColumnModel("tags", "text[]", false, null)),
                    new PrimaryKeyModel("companies_pkey", List.of("id")),
                    List.of(), List.of(),
                    List.of(new CheckModel("companies_count_check", "(count >= 0)")),
                    List.of(new IndexModel("companies_name_idx", true, "btree", List.of(IndexElement.column("name")), null),
                            new IndexModel("companies_lower_idx", false, "btree",
                                    List.of(IndexElement.expression("lower(name)")), null),
                            new IndexModel("companies_partial_idx", false, "btree",
                                    List.of(IndexElement.column("code")), "(code IS NOT NULL)"))),
            new TableModel("user",
                    List.of(new ColumnModel("id", "text", true, null),
                            new ColumnModel("company_id", "uuid", false, null),
                            new ColumnModel("seq", "bigint", true, null, ColumnModel.Identity.ALWAYS)),
                    new PrimaryKeyModel("user_pkey", List.of("id")),
                    List.of(new ForeignKeyModel("user_company_id_companies_id_fk", List.of("company_id"), "companies",
                            List.of("id"), ReferentialAction.CASCADE, null)),
                    List.of(), List.of(), List.of())));

    private SampleSchema() {
    }
}
