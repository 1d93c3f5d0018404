package ai.paperclip.schema.core;

import ai.paperclip.schema.Schema;

/**
 * Paperclip's 13 core tables and the extension they need ({@code pg_trgm}, for the trigram
 * search indexes on {@code issues}). Include it in a host schema with
 * {@code Schema.builder().include(PaperclipSchema.SCHEMA)}.
 */
public final class PaperclipSchema {

    /** The extension the trigram indexes need; created before the tables. */
    public static final String PG_TRGM = "pg_trgm";

    public static final Schema SCHEMA = Schema.builder()
            .extension(PG_TRGM)
            .tables(CompaniesTable.COMPANIES,
                    AgentsTable.AGENTS,
                    GoalsTable.GOALS,
                    ProjectsTable.PROJECTS,
                    IssuesTable.ISSUES,
                    AgentApiKeysTable.AGENT_API_KEYS,
                    CompanySecretsTable.COMPANY_SECRETS,
                    CompanySecretVersionsTable.COMPANY_SECRET_VERSIONS,
                    ActivityLogTable.ACTIVITY_LOG,
                    AuthUsersTable.AUTH_USERS,
                    AuthSessionsTable.AUTH_SESSIONS,
                    InstanceUserRolesTable.INSTANCE_USER_ROLES,
                    CompanyMembershipsTable.COMPANY_MEMBERSHIPS)
            .build();

    private PaperclipSchema() {
    }
}
