package ai.paperclip.schema.core;

import static ai.paperclip.schema.core.AgentsTable.AGENTS;
import static ai.paperclip.schema.core.CompaniesTable.COMPANIES;

import ai.paperclip.schema.Column;
import ai.paperclip.schema.Json;
import ai.paperclip.schema.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * {@code activity_log}: the audit trail of a company.
 *
 * <p>Left out on purpose: the foreign key {@code run_id → heartbeat_runs.id} (not a core table);
 * the column stays.
 */
public final class ActivityLogTable extends Table {

    public static final ActivityLogTable ACTIVITY_LOG = new ActivityLogTable();

    public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
    public final Column<UUID> companyId = uuid("company_id").notNull().references(() -> COMPANIES.id);
    public final Column<String> actorType = text("actor_type").notNull().defaultValue("system");
    public final Column<String> actorId = text("actor_id").notNull();
    public final Column<String> action = text("action").notNull();
    public final Column<String> entityType = text("entity_type").notNull();
    public final Column<String> entityId = text("entity_id").notNull();
    public final Column<UUID> agentId = uuid("agent_id").references(() -> AGENTS.id);
    public final Column<Json> details = jsonb("details");
    public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();
    public final Column<UUID> runId = uuid("run_id");
    public final Column<String> responsibleUserId = text("responsible_user_id");

    private ActivityLogTable() {
        super("activity_log");
        index("activity_log_company_agent_created_idx").on(companyId, agentId, createdAt);
        index("activity_log_company_created_idx").on(companyId, createdAt);
        index("activity_log_company_responsible_user_created_idx").on(companyId, responsibleUserId, createdAt);
        index("activity_log_entity_type_id_idx").on(entityType, entityId);
        index("activity_log_run_id_idx").on(runId);
    }
}
