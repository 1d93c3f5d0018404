package ai.paperclip.schema.core;

import static ai.paperclip.schema.model.ReferentialAction.SET_NULL;
import static ai.paperclip.schema.core.AgentsTable.AGENTS;
import static ai.paperclip.schema.core.CompaniesTable.COMPANIES;

import ai.paperclip.schema.Column;
import ai.paperclip.schema.Json;
import ai.paperclip.schema.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * {@code company_secrets}: named secrets of a company (scope {@code company}) or of one of its
 * users (scope {@code user}); the material lives in {@link CompanySecretVersionsTable}.
 *
 * <p>Left out on purpose: the foreign keys of {@code provider_config_id}
 * (→ company_secret_provider_configs) and {@code user_secret_definition_id}
 * (→ user_secret_definitions), which point outside the core tables; the columns stay.
 */
public final class CompanySecretsTable extends Table {

    public static final CompanySecretsTable COMPANY_SECRETS = new CompanySecretsTable();

    /** A live secret of the company scope. */
    private static final String LIVE_COMPANY_SECRET = "((scope = 'company'::text) AND (deleted_at IS NULL))";

    public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
    public final Column<UUID> companyId = uuid("company_id").notNull().references(() -> COMPANIES.id);
    public final Column<String> name = text("name").notNull();
    public final Column<String> provider = text("provider").notNull().defaultValue("local_encrypted");
    public final Column<String> externalRef = text("external_ref");
    public final Column<Integer> latestVersion = integer("latest_version").notNull().defaultValue(1);
    public final Column<String> description = text("description");
    public final Column<UUID> createdByAgentId = uuid("created_by_agent_id").references(() -> AGENTS.id).onDelete(SET_NULL);
    public final Column<String> createdByUserId = text("created_by_user_id");
    public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();
    public final Column<OffsetDateTime> updatedAt = timestamptz("updated_at").notNull().defaultNow();
    public final Column<String> key = text("key").notNull();
    public final Column<String> status = text("status").notNull().defaultValue("active");
    public final Column<String> managedMode = text("managed_mode").notNull().defaultValue("paperclip_managed");
    public final Column<UUID> providerConfigId = uuid("provider_config_id");
    public final Column<Json> providerMetadata = jsonb("provider_metadata");
    public final Column<OffsetDateTime> lastResolvedAt = timestamptz("last_resolved_at");
    public final Column<OffsetDateTime> lastRotatedAt = timestamptz("last_rotated_at");
    public final Column<OffsetDateTime> deletedAt = timestamptz("deleted_at");
    public final Column<String> scope = text("scope").notNull().defaultValue("company");
    public final Column<String> ownerUserId = text("owner_user_id");
    public final Column<UUID> userSecretDefinitionId = uuid("user_secret_definition_id");

    private CompanySecretsTable() {
        super("company_secrets");
        index("company_secrets_company_idx").on(companyId);
        uniqueIndex("company_secrets_company_key_uq").on(companyId, key).where(LIVE_COMPANY_SECRET);
        uniqueIndex("company_secrets_company_name_uq").on(companyId, name).where(LIVE_COMPANY_SECRET);
        index("company_secrets_company_owner_idx").on(companyId, ownerUserId);
        index("company_secrets_company_provider_idx").on(companyId, provider);
        index("company_secrets_company_scope_idx").on(companyId, scope);
        index("company_secrets_provider_config_idx").on(providerConfigId);
        index("company_secrets_user_definition_owner_idx").on(companyId, userSecretDefinitionId, ownerUserId);
        uniqueIndex("company_secrets_user_definition_owner_uq")
                .on(companyId, userSecretDefinitionId, ownerUserId)
                .where("((scope = 'user'::text) AND (deleted_at IS NULL))");
        check("company_secrets_scope_shape_check",
                "(((scope = 'company'::text) AND (owner_user_id IS NULL) AND (user_secret_definition_id IS NULL))"
                        + " OR ((scope = 'user'::text) AND (owner_user_id IS NOT NULL)"
                        + " AND (user_secret_definition_id IS NOT NULL)))");
    }

    /** Values of {@code company_secrets.provider} ({@code local_encrypted} by default). */
    public enum Provider implements TextValue { LOCAL_ENCRYPTED, AWS_SECRETS_MANAGER, GCP_SECRET_MANAGER, VAULT }

    /** Values of {@code company_secrets.scope}; the only value set the database enforces (scope shape check). */
    public enum Scope implements TextValue { COMPANY, USER }
}
