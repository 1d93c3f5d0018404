package ai.paperclip.schema.core;

import static ai.paperclip.schema.model.ReferentialAction.CASCADE;
import static ai.paperclip.schema.model.ReferentialAction.SET_NULL;
import static ai.paperclip.schema.core.AgentsTable.AGENTS;
import static ai.paperclip.schema.core.CompanySecretsTable.COMPANY_SECRETS;

import ai.paperclip.schema.Column;
import ai.paperclip.schema.Json;
import ai.paperclip.schema.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * {@code company_secret_versions}: the versions of a secret. For {@code local_encrypted},
 * {@code material} is {@code {scheme:"local_encrypted_v1", iv, tag, ciphertext}} (AES-256-GCM).
 */
public final class CompanySecretVersionsTable extends Table {

    public static final CompanySecretVersionsTable COMPANY_SECRET_VERSIONS = new CompanySecretVersionsTable();

    public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
    public final Column<UUID> secretId = uuid("secret_id").notNull().references(() -> COMPANY_SECRETS.id).onDelete(CASCADE);
    public final Column<Integer> version = integer("version").notNull();
    public final Column<Json> material = jsonb("material").notNull();
    public final Column<String> valueSha256 = text("value_sha256").notNull();
    public final Column<UUID> createdByAgentId = uuid("created_by_agent_id").references(() -> AGENTS.id).onDelete(SET_NULL);
    public final Column<String> createdByUserId = text("created_by_user_id");
    public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();
    public final Column<OffsetDateTime> revokedAt = timestamptz("revoked_at");
    public final Column<String> providerVersionRef = text("provider_version_ref");
    public final Column<String> status = text("status").notNull().defaultValue("current");
    public final Column<String> fingerprintSha256 = text("fingerprint_sha256").notNull();
    public final Column<String> rotationJobId = text("rotation_job_id");

    private CompanySecretVersionsTable() {
        super("company_secret_versions");
        index("company_secret_versions_fingerprint_idx").on(fingerprintSha256);
        index("company_secret_versions_secret_idx").on(secretId, createdAt);
        uniqueIndex("company_secret_versions_secret_version_uq").on(secretId, version);
        index("company_secret_versions_value_sha256_idx").on(valueSha256);
    }
}
