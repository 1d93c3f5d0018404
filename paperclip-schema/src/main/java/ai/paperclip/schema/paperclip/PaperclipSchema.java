package ai.paperclip.schema.paperclip;

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
            .tables(Companies.COMPANIES,
                    Agents.AGENTS,
                    Goals.GOALS,
                    Projects.PROJECTS,
                    Issues.ISSUES,
                    AgentApiKeys.AGENT_API_KEYS,
                    CompanySecrets.COMPANY_SECRETS,
                    CompanySecretVersions.COMPANY_SECRET_VERSIONS,
                    ActivityLog.ACTIVITY_LOG,
                    AuthUsers.AUTH_USERS,
                    AuthSessions.AUTH_SESSIONS,
                    InstanceUserRoles.INSTANCE_USER_ROLES,
                    CompanyMemberships.COMPANY_MEMBERSHIPS)
            .build();

    private PaperclipSchema() {
    }
}
