package ai.paperclip.schema.core;

import static ai.paperclip.schema.core.AuthSessionsTable.AUTH_SESSIONS;
import static ai.paperclip.schema.core.CompaniesTable.COMPANIES;
import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.schema.ddl.PostgresDdl;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden DDL: the exact statements rendered for core tables. */
class CoreSchemaDdlTest {

    @Test
    void companiesRendersExactly() {
        assertThat(PostgresDdl.createTable(COMPANIES.model())).isEqualTo("""
                CREATE TABLE companies (
                    id uuid DEFAULT gen_random_uuid() NOT NULL,
                    name text NOT NULL,
                    description text,
                    status text DEFAULT 'active'::text NOT NULL,
                    budget_monthly_cents integer DEFAULT 0 NOT NULL,
                    spent_monthly_cents integer DEFAULT 0 NOT NULL,
                    created_at timestamp with time zone DEFAULT now() NOT NULL,
                    updated_at timestamp with time zone DEFAULT now() NOT NULL,
                    issue_prefix text DEFAULT 'PAP'::text NOT NULL,
                    issue_counter integer DEFAULT 0 NOT NULL,
                    require_board_approval_for_new_agents boolean DEFAULT false NOT NULL,
                    brand_color text,
                    pause_reason text,
                    paused_at timestamp with time zone,
                    feedback_data_sharing_enabled boolean DEFAULT false NOT NULL,
                    feedback_data_sharing_consent_at timestamp with time zone,
                    feedback_data_sharing_consent_by_user_id text,
                    feedback_data_sharing_terms_version text,
                    attachment_max_bytes integer DEFAULT 10485760 NOT NULL,
                    default_responsible_user_id text,
                    interaction_resolver_governance jsonb DEFAULT '{}'::jsonb NOT NULL,
                    CONSTRAINT companies_pkey PRIMARY KEY (id)
                )""");
        assertThat(COMPANIES.model().indexes()).extracting(ix -> PostgresDdl.createIndex("companies", ix, false))
                .containsExactly(
                        "CREATE INDEX companies_default_responsible_user_idx ON companies (default_responsible_user_id)",
                        "CREATE UNIQUE INDEX companies_issue_prefix_idx ON companies (issue_prefix)");
    }

    @Test
    void theReservedUserTableIsQuotedWhereverItIsNamed() {
        List<String> sessionDdl = List.of(PostgresDdl.createTable(AUTH_SESSIONS.model()),
                PostgresDdl.addForeignKey("session", AUTH_SESSIONS.model().foreignKeys().get(0)));

        assertThat(sessionDdl).containsExactly("""
                CREATE TABLE session (
                    id text NOT NULL,
                    expires_at timestamp with time zone NOT NULL,
                    token text NOT NULL,
                    created_at timestamp with time zone NOT NULL,
                    updated_at timestamp with time zone NOT NULL,
                    ip_address text,
                    user_agent text,
                    user_id text NOT NULL,
                    CONSTRAINT session_pkey PRIMARY KEY (id)
                )""",
                "ALTER TABLE session ADD CONSTRAINT session_user_id_user_id_fk FOREIGN KEY (user_id)"
                        + " REFERENCES \"user\"(id) ON DELETE CASCADE");
        assertThat(PostgresDdl.createTable(AuthUsersTable.AUTH_USERS.model())).startsWith("CREATE TABLE \"user\" (\n");
    }

    @Test
    void theSchemaScriptStartsWithTheExtensionAndIsTheSameEveryTime() {
        List<String> statements = PostgresDdl.createSchema(PaperclipSchema.SCHEMA.model());

        assertThat(statements.get(0)).isEqualTo("CREATE EXTENSION IF NOT EXISTS pg_trgm");
        assertThat(statements).filteredOn(s -> s.startsWith("CREATE TABLE")).hasSize(13);
        assertThat(statements).filteredOn(s -> s.contains("FOREIGN KEY")).hasSize(24);
        assertThat(statements).contains("CREATE INDEX issues_title_search_idx ON issues USING gin (title gin_trgm_ops)");
        assertThat(PostgresDdl.script(statements)).isEqualTo(PostgresDdl.script(
                PostgresDdl.createSchema(PaperclipSchema.SCHEMA.model())));
    }
}
