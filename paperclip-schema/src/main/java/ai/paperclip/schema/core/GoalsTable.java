package ai.paperclip.schema.core;

import static ai.paperclip.schema.core.AgentsTable.AGENTS;
import static ai.paperclip.schema.core.CompaniesTable.COMPANIES;

import ai.paperclip.schema.Column;
import ai.paperclip.schema.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** {@code goals}: a company's objectives, in a tree ({@code parent_id}), optionally owned by an agent. */
public final class GoalsTable extends Table {

    public static final GoalsTable GOALS = new GoalsTable();

    public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
    public final Column<UUID> companyId = uuid("company_id").notNull().references(() -> COMPANIES.id);
    public final Column<String> title = text("title").notNull();
    public final Column<String> description = text("description");
    public final Column<String> level = text("level").notNull().defaultValue("task");
    public final Column<String> status = text("status").notNull().defaultValue("planned");
    public final Column<UUID> parentId = uuid("parent_id").references(() -> this.id);
    public final Column<UUID> ownerAgentId = uuid("owner_agent_id").references(() -> AGENTS.id);
    public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();
    public final Column<OffsetDateTime> updatedAt = timestamptz("updated_at").notNull().defaultNow();

    private GoalsTable() {
        super("goals");
        index("goals_company_idx").on(companyId);
    }

    /** Values of {@code goals.level}. */
    public enum Level implements TextValue { COMPANY, TEAM, AGENT, TASK }

    /** Values of {@code goals.status}. */
    public enum Status implements TextValue { PLANNED, ACTIVE, ACHIEVED, CANCELLED }
}
