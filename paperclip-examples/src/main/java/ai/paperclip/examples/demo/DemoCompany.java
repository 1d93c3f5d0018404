package ai.paperclip.examples.demo;

import static ai.paperclip.db.jooq.Tables.ACTIVITY_LOG;
import static ai.paperclip.db.jooq.Tables.AGENTS;
import static ai.paperclip.db.jooq.Tables.COMPANIES;
import static ai.paperclip.db.jooq.Tables.GOALS;
import static ai.paperclip.db.jooq.Tables.PROJECTS;

import ai.paperclip.db.jooq.tables.records.ActivityLogRecord;
import ai.paperclip.db.jooq.tables.records.AgentsRecord;
import ai.paperclip.db.jooq.tables.records.CompaniesRecord;
import ai.paperclip.db.jooq.tables.records.GoalsRecord;
import ai.paperclip.db.jooq.tables.records.ProjectsRecord;
import ai.paperclip.db.secrets.AgentApiKeys;
import ai.paperclip.schema.core.AgentsTable;
import ai.paperclip.schema.core.GoalsTable;
import ai.paperclip.schema.core.ProjectsTable;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * The example company: found by name when an earlier run made it, otherwise created with a CEO, an
 * engineer reporting to the CEO, a goal, a project and an API key for the engineer. Call it inside a
 * transaction; it serialises concurrent runs with a transaction-scoped advisory lock (which also works
 * behind a transaction-mode pooler), so two runs never create the company twice.
 *
 * @param apiKey the new token when this call created the company (shown once, never stored)
 */
public record DemoCompany(UUID id, String name, String issuePrefix, UUID ceoId, UUID engineerId, UUID goalId,
                          UUID projectId, boolean created, Optional<String> apiKey) {

    public static final String CEO_NAME = "Ada";
    public static final String ENGINEER_NAME = "Linus";
    public static final String GOAL_TITLE = "Ship the first version";
    public static final String PROJECT_NAME = "Website";

    /** Finds the company named {@code name} and its cast, or creates them. */
    public static DemoCompany findOrCreate(DSLContext tx, String name) {
        tx.select(DSL.field("pg_advisory_xact_lock(hashtext({0}))", Object.class, "paperclip-examples:" + name)).fetch();
        CompaniesRecord company = tx.selectFrom(COMPANIES).where(COMPANIES.NAME.eq(name))
                .orderBy(COMPANIES.CREATED_AT).limit(1).fetchOne();
        return company == null ? create(tx, name) : existing(tx, company);
    }

    private static DemoCompany existing(DSLContext tx, CompaniesRecord company) {
        AgentsRecord ceo = agent(tx, company.getId(), AgentsTable.Role.CEO);
        AgentsRecord engineer = agent(tx, company.getId(), AgentsTable.Role.ENGINEER);
        UUID goal = tx.select(GOALS.ID).from(GOALS)
                .where(GOALS.COMPANY_ID.eq(company.getId()), GOALS.TITLE.eq(GOAL_TITLE)).limit(1).fetchSingle(GOALS.ID);
        UUID project = tx.select(PROJECTS.ID).from(PROJECTS)
                .where(PROJECTS.COMPANY_ID.eq(company.getId()), PROJECTS.NAME.eq(PROJECT_NAME)).limit(1)
                .fetchSingle(PROJECTS.ID);
        return new DemoCompany(company.getId(), company.getName(), company.getIssuePrefix(), ceo.getId(),
                engineer.getId(), goal, project, false, Optional.empty());
    }

    private static AgentsRecord agent(DSLContext tx, UUID companyId, AgentsTable.Role role) {
        return tx.selectFrom(AGENTS).where(AGENTS.COMPANY_ID.eq(companyId), AGENTS.ROLE.eq(role.value()))
                .orderBy(AGENTS.CREATED_AT).limit(1).fetchSingle();
    }

    private static DemoCompany create(DSLContext tx, String name) {
        CompaniesRecord company = insertCompany(tx, name);
        UUID companyId = company.getId();
        log(tx, companyId, null, "company.created", "company", companyId, "{\"issuePrefix\":\"" + company.getIssuePrefix() + "\"}");

        AgentsRecord ceo = tx.newRecord(AGENTS);
        ceo.setCompanyId(companyId);
        ceo.setName(CEO_NAME);
        ceo.setRole(AgentsTable.Role.CEO.value());
        ceo.setTitle("Chief Executive Officer");
        ceo.setStatus(AgentsTable.Status.ACTIVE.value());
        ceo.store();
        log(tx, companyId, null, "agent.created", "agent", ceo.getId(), null);

        AgentsRecord engineer = tx.newRecord(AGENTS);
        engineer.setCompanyId(companyId);
        engineer.setName(ENGINEER_NAME);
        engineer.setRole(AgentsTable.Role.ENGINEER.value());
        engineer.setTitle("Founding Engineer");
        engineer.setStatus(AgentsTable.Status.IDLE.value());
        engineer.setReportsTo(ceo.getId());
        engineer.store();
        log(tx, companyId, ceo.getId(), "agent.created", "agent", engineer.getId(), null);

        GoalsRecord goal = tx.newRecord(GOALS);
        goal.setCompanyId(companyId);
        goal.setTitle(GOAL_TITLE);
        goal.setLevel(GoalsTable.Level.COMPANY.value());
        goal.setStatus(GoalsTable.Status.ACTIVE.value());
        goal.setOwnerAgentId(ceo.getId());
        goal.store();
        log(tx, companyId, ceo.getId(), "goal.created", "goal", goal.getId(), null);

        ProjectsRecord project = tx.newRecord(PROJECTS);
        project.setCompanyId(companyId);
        project.setGoalId(goal.getId());
        project.setName(PROJECT_NAME);
        project.setStatus(ProjectsTable.Status.IN_PROGRESS.value());
        project.setLeadAgentId(engineer.getId());
        project.store();
        log(tx, companyId, ceo.getId(), "project.created", "project", project.getId(), null);

        AgentApiKeys.NewKey key = AgentApiKeys.of(tx).create(companyId, engineer.getId(), "quick start");   // only its SHA-256 is stored
        log(tx, companyId, ceo.getId(), "agent_api_key.created", "agent_api_key", key.id(), null);

        return new DemoCompany(companyId, name, company.getIssuePrefix(), ceo.getId(), engineer.getId(),
                goal.getId(), project.getId(), true, Optional.of(key.token()));
    }

    /**
     * Inserts the company with the first free issue prefix. Each attempt runs in a savepoint (a nested
     * jOOQ transaction): a unique violation aborts only the savepoint, not the caller's transaction.
     */
    private static CompaniesRecord insertCompany(DSLContext tx, String name) {
        String base = IssuePrefixes.base(name);
        for (int attempt = 1; attempt <= IssuePrefixes.MAX_ATTEMPTS; attempt++) {
            String prefix = IssuePrefixes.candidate(base, attempt);
            try {
                return tx.transactionResult(savepoint -> {
                    CompaniesRecord company = savepoint.dsl().newRecord(COMPANIES);
                    company.setName(name);
                    company.setIssuePrefix(prefix);
                    company.store();
                    return company;
                });
            } catch (DataAccessException e) {
                if (!IssuePrefixes.isPrefixTaken(e)) {
                    throw e;
                }
            }
        }
        throw new IllegalStateException("No free issue prefix for '" + name + "' after " + IssuePrefixes.MAX_ATTEMPTS
                + " attempts starting at " + base);
    }

    /** One {@code activity_log} row; {@code agentId} null means the system acted. */
    static void log(DSLContext tx, UUID companyId, UUID agentId, String action, String entityType, UUID entityId,
                    String detailsJson) {
        ActivityLogRecord entry = tx.newRecord(ACTIVITY_LOG);
        entry.setCompanyId(companyId);
        entry.setActorType(agentId == null ? "system" : "agent");
        entry.setActorId(agentId == null ? "paperclip-examples" : agentId.toString());
        entry.setAgentId(agentId);
        entry.setAction(action);
        entry.setEntityType(entityType);
        entry.setEntityId(entityId.toString());
        entry.setDetails(detailsJson == null ? null : JSONB.valueOf(detailsJson));
        entry.store();
    }
}
