package ai.paperclip.bench.sidebyside;

import ai.paperclip.schema.model.ColumnModel;
import ai.paperclip.schema.model.ForeignKeyModel;
import ai.paperclip.schema.model.IndexModel;
import ai.paperclip.schema.model.IndexModel.IndexElement;
import ai.paperclip.schema.model.PrimaryKeyModel;
import ai.paperclip.schema.model.ReferentialAction;
import ai.paperclip.schema.model.SchemaModel;
import ai.paperclip.schema.model.TableModel;
import ai.paperclip.schema.model.UniqueConstraintModel;
import ai.paperclip.schema.migration.MigrationGenerator;
import ai.paperclip.schema.migration.MigrationOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * The peer harness's 4-table model of Paperclip ({@code schema/paperclip.js}: companies, agents, issues,
 * activity_log), column for column, with its foreign keys, unique constraint and indexes, so W3 can run on the
 * same tables as the peer. Its history is made by the library's own generator, as drizzle-kit makes the peer's.
 */
final class PeerPaperclipSchema {

    private static final String UUID = "uuid";
    private static final String TEXT = "text";
    private static final String TSTZ = "timestamp with time zone";

    private PeerPaperclipSchema() {
    }

    /** Writes the model's first migration into {@code folder} (a new, empty folder). */
    static void generate(Path folder) throws Exception {
        MigrationGenerator.generate(of(), folder, MigrationOptions.builder().name("peer_model").build());
    }

    static SchemaModel of() {
        return new SchemaModel(List.of(), List.of(companies(), agents(), issues(), activityLog()));
    }

    private static TableModel companies() {
        return new TableModel("companies", List.of(id(), col("name", TEXT, true, null), col("description", TEXT, false, null),
                col("status", TEXT, true, "'active'"), col("budget_monthly_cents", "integer", true, "0"),
                col("spent_monthly_cents", "integer", true, "0"), col("created_at", TSTZ, true, "now()"),
                col("updated_at", TSTZ, true, "now()")), pk("companies"), List.of(), List.of(), List.of(), List.of());
    }

    private static TableModel agents() {
        return new TableModel("agents", List.of(id(), col("company_id", UUID, true, null), col("name", TEXT, true, null),
                col("role", TEXT, true, "'general'"), col("status", TEXT, true, "'idle'"), col("reports_to", UUID, false, null),
                col("adapter_type", TEXT, true, "'process'"), col("adapter_config", "jsonb", true, "'{}'::jsonb"),
                col("budget_monthly_cents", "integer", true, "0"), col("spent_monthly_cents", "integer", true, "0"),
                col("last_heartbeat_at", TSTZ, false, null), col("created_at", TSTZ, true, "now()"),
                col("updated_at", TSTZ, true, "now()")), pk("agents"),
                List.of(fk("agents", "company_id", "companies", ReferentialAction.CASCADE), fk("agents", "reports_to", "agents",
                        ReferentialAction.NO_ACTION)), List.of(), List.of(), List.of(index("agents_company_idx", "company_id")));
    }

    private static TableModel issues() {
        return new TableModel("issues", List.of(id(), col("company_id", UUID, true, null), col("project_id", UUID, false, null),
                col("goal_id", UUID, false, null), col("parent_id", UUID, false, null), col("title", TEXT, true, null),
                col("description", TEXT, false, null), col("status", TEXT, true, "'backlog'"),
                col("priority", TEXT, true, "'medium'"), col("assignee_agent_id", UUID, false, null),
                col("created_by_agent_id", UUID, false, null), col("issue_number", "integer", false, null),
                col("identifier", TEXT, false, null), col("created_at", TSTZ, true, "now()"),
                col("updated_at", TSTZ, true, "now()")), pk("issues"),
                List.of(fk("issues", "company_id", "companies", ReferentialAction.NO_ACTION),
                        fk("issues", "parent_id", "issues", ReferentialAction.NO_ACTION),
                        fk("issues", "assignee_agent_id", "agents", ReferentialAction.NO_ACTION)),
                List.of(new UniqueConstraintModel("issues_identifier_unique", List.of("identifier"), false)), List.of(),
                List.of(index("issues_company_status_idx", "company_id", "status"),
                        index("issues_company_assignee_status_idx", "company_id", "assignee_agent_id", "status")));
    }

    private static TableModel activityLog() {
        return new TableModel("activity_log", List.of(id(), col("company_id", UUID, true, null),
                col("actor_type", TEXT, true, null), col("actor_id", TEXT, true, null), col("action", TEXT, true, null),
                col("entity_type", TEXT, true, null), col("entity_id", TEXT, true, null), col("details", "jsonb", false, null),
                col("created_at", TSTZ, true, "now()")), pk("activity_log"),
                List.of(fk("activity_log", "company_id", "companies", ReferentialAction.NO_ACTION)), List.of(), List.of(),
                List.of(index("activity_log_company_created_idx", "company_id", "created_at")));
    }

    private static ColumnModel id() {
        return col("id", UUID, true, "gen_random_uuid()");
    }

    private static ColumnModel col(String name, String type, boolean notNull, String defaultExpression) {
        return new ColumnModel(name, type, notNull, defaultExpression);
    }

    private static PrimaryKeyModel pk(String table) {
        return new PrimaryKeyModel(table + "_pkey", List.of("id"));
    }

    private static ForeignKeyModel fk(String table, String column, String referenced, ReferentialAction onDelete) {
        return new ForeignKeyModel(table + "_" + column + "_" + referenced + "_id_fk", List.of(column), referenced,
                List.of("id"), onDelete, ReferentialAction.NO_ACTION);
    }

    private static IndexModel index(String name, String... columns) {
        return new IndexModel(name, false, "btree", List.of(columns).stream().map(IndexElement::column).toList(), null);
    }
}
