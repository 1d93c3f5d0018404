package ai.paperclip.schema.core;

import static ai.paperclip.schema.core.AgentsTable.AGENTS;
import static ai.paperclip.schema.core.CompaniesTable.COMPANIES;
import static ai.paperclip.schema.core.GoalsTable.GOALS;

import ai.paperclip.schema.Column;
import ai.paperclip.schema.Json;
import ai.paperclip.schema.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** {@code projects}: groups of issues toward a goal, led by an agent. */
public final class ProjectsTable extends Table {

    public static final ProjectsTable PROJECTS = new ProjectsTable();

    public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
    public final Column<UUID> companyId = uuid("company_id").notNull().references(() -> COMPANIES.id);
    public final Column<UUID> goalId = uuid("goal_id").references(() -> GOALS.id);
    public final Column<String> name = text("name").notNull();
    public final Column<String> description = text("description");
    public final Column<String> status = text("status").notNull().defaultValue("backlog");
    public final Column<UUID> leadAgentId = uuid("lead_agent_id").references(() -> AGENTS.id);
    public final Column<LocalDate> targetDate = date("target_date");
    public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();
    public final Column<OffsetDateTime> updatedAt = timestamptz("updated_at").notNull().defaultNow();
    public final Column<String> color = text("color");
    public final Column<OffsetDateTime> archivedAt = timestamptz("archived_at");
    public final Column<Json> executionWorkspacePolicy = jsonb("execution_workspace_policy");
    public final Column<String> pauseReason = text("pause_reason");
    public final Column<OffsetDateTime> pausedAt = timestamptz("paused_at");
    public final Column<Json> env = jsonb("env");
    public final Column<String> icon = text("icon");

    private ProjectsTable() {
        super("projects");
        index("projects_company_idx").on(companyId);
    }

    /** Values of {@code projects.status}. */
    public enum Status implements TextValue { BACKLOG, PLANNED, IN_PROGRESS, COMPLETED, CANCELLED }
}
