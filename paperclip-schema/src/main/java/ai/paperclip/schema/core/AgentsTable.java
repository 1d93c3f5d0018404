package ai.paperclip.schema.core;

import static ai.paperclip.schema.core.CompaniesTable.COMPANIES;

import ai.paperclip.schema.Column;
import ai.paperclip.schema.Json;
import ai.paperclip.schema.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * {@code agents}: the AI workers of a company, in a reporting tree ({@code reports_to}).
 *
 * <p>Left out on purpose (docs/tables.md, "Tables"): the foreign key {@code default_environment_id →
 * environments.id} (not a core table; the column stays) and the upstream AFTER DELETE trigger that
 * edits {@code user_inbox_agent_policies}.
 */
public final class AgentsTable extends Table {

    public static final AgentsTable AGENTS = new AgentsTable();

    public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
    public final Column<UUID> companyId = uuid("company_id").notNull().references(() -> COMPANIES.id);
    public final Column<String> name = text("name").notNull();
    public final Column<String> role = text("role").notNull().defaultValue("general");
    public final Column<String> title = text("title");
    public final Column<String> status = text("status").notNull().defaultValue("idle");
    public final Column<UUID> reportsTo = uuid("reports_to").references(() -> this.id);
    public final Column<String> capabilities = text("capabilities");
    public final Column<String> adapterType = text("adapter_type").notNull().defaultValue("process");
    public final Column<Json> adapterConfig = jsonb("adapter_config").notNull().defaultValue(Json.EMPTY_OBJECT);
    public final Column<Integer> budgetMonthlyCents = integer("budget_monthly_cents").notNull().defaultValue(0);
    public final Column<Integer> spentMonthlyCents = integer("spent_monthly_cents").notNull().defaultValue(0);
    public final Column<OffsetDateTime> lastHeartbeatAt = timestamptz("last_heartbeat_at");
    public final Column<Json> metadata = jsonb("metadata");
    public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();
    public final Column<OffsetDateTime> updatedAt = timestamptz("updated_at").notNull().defaultNow();
    public final Column<Json> runtimeConfig = jsonb("runtime_config").notNull().defaultValue(Json.EMPTY_OBJECT);
    public final Column<Json> permissions = jsonb("permissions").notNull().defaultValue(Json.EMPTY_OBJECT);
    public final Column<String> icon = text("icon");
    public final Column<String> pauseReason = text("pause_reason");
    public final Column<OffsetDateTime> pausedAt = timestamptz("paused_at");
    public final Column<UUID> defaultEnvironmentId = uuid("default_environment_id");
    public final Column<String> errorReason = text("error_reason");

    private AgentsTable() {
        super("agents");
        String builtInKey = "((metadata -> 'paperclipBuiltInAgent'::text) ->> 'key'::text)";
        uniqueIndex("agents_company_built_in_agent_key_unique_idx")
                .on(companyId, expression(builtInKey))
                .where("((" + builtInKey + " IS NOT NULL) AND (status <> 'terminated'::text))");
        index("agents_company_default_environment_idx").on(companyId, defaultEnvironmentId);
        index("agents_company_reports_to_idx").on(companyId, reportsTo);
        index("agents_company_status_idx").on(companyId, status);
    }

    /** Values of {@code agents.status}. */
    public enum Status implements TextValue { ACTIVE, PAUSED, IDLE, RUNNING, ERROR, PENDING_APPROVAL, TERMINATED }

    /** Values of {@code agents.role}. */
    public enum Role implements TextValue {
        CEO, CTO, CMO, CFO, SECURITY, ENGINEER, DESIGNER, PM, QA, DEVOPS, RESEARCHER, GENERAL
    }

    /** Built-in values of {@code agents.adapter_type}; the set is open: external adapters may register others. */
    public enum AdapterType implements TextValue {
        PROCESS, HTTP, CLAUDE_LOCAL, CODEX_LOCAL, CURSOR_CLOUD, GEMINI_LOCAL, GROK_LOCAL, HERMES_GATEWAY,
        HERMES_LOCAL, OPENCODE_LOCAL, PI_LOCAL, CURSOR, OPENCLAW_GATEWAY
    }
}
