package ai.paperclip.schema.core;

import static ai.paperclip.schema.core.AgentsTable.AGENTS;
import static ai.paperclip.schema.core.CompaniesTable.COMPANIES;

import ai.paperclip.schema.Column;
import ai.paperclip.schema.Json;
import ai.paperclip.schema.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * {@code agent_api_keys}: an agent's API tokens. {@code key_hash} is the hex SHA-256 of the token
 * ({@code pcp_} + 48 hex characters); {@code revoked_at} is checked by the application.
 */
public final class AgentApiKeysTable extends Table {

    public static final AgentApiKeysTable AGENT_API_KEYS = new AgentApiKeysTable();

    public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
    public final Column<UUID> agentId = uuid("agent_id").notNull().references(() -> AGENTS.id);
    public final Column<UUID> companyId = uuid("company_id").notNull().references(() -> COMPANIES.id);
    public final Column<String> name = text("name").notNull();
    public final Column<String> keyHash = text("key_hash").notNull();
    public final Column<OffsetDateTime> lastUsedAt = timestamptz("last_used_at");
    public final Column<OffsetDateTime> revokedAt = timestamptz("revoked_at");
    public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();
    public final Column<Json> scopeConfig = jsonb("scope_config");
    public final Column<String> responsibleUserId = text("responsible_user_id");

    private AgentApiKeysTable() {
        super("agent_api_keys");
        index("agent_api_keys_company_agent_idx").on(companyId, agentId);
        index("agent_api_keys_key_hash_idx").on(keyHash);
    }
}
