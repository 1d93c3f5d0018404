package ai.paperclip.schema.core;

import ai.paperclip.schema.Column;
import ai.paperclip.schema.Json;
import ai.paperclip.schema.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** {@code companies}: the top-level tenant; every other core row belongs to one. */
public final class CompaniesTable extends Table {

    public static final CompaniesTable COMPANIES = new CompaniesTable();

    public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
    public final Column<String> name = text("name").notNull();
    public final Column<String> description = text("description");
    public final Column<String> status = text("status").notNull().defaultValue("active");
    public final Column<Integer> budgetMonthlyCents = integer("budget_monthly_cents").notNull().defaultValue(0);
    public final Column<Integer> spentMonthlyCents = integer("spent_monthly_cents").notNull().defaultValue(0);
    public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();
    public final Column<OffsetDateTime> updatedAt = timestamptz("updated_at").notNull().defaultNow();
    public final Column<String> issuePrefix = text("issue_prefix").notNull().defaultValue("PAP");
    public final Column<Integer> issueCounter = integer("issue_counter").notNull().defaultValue(0);
    public final Column<Boolean> requireBoardApprovalForNewAgents =
            bool("require_board_approval_for_new_agents").notNull().defaultValue(false);
    public final Column<String> brandColor = text("brand_color");
    public final Column<String> pauseReason = text("pause_reason");
    public final Column<OffsetDateTime> pausedAt = timestamptz("paused_at");
    public final Column<Boolean> feedbackDataSharingEnabled =
            bool("feedback_data_sharing_enabled").notNull().defaultValue(false);
    public final Column<OffsetDateTime> feedbackDataSharingConsentAt = timestamptz("feedback_data_sharing_consent_at");
    public final Column<String> feedbackDataSharingConsentByUserId = text("feedback_data_sharing_consent_by_user_id");
    public final Column<String> feedbackDataSharingTermsVersion = text("feedback_data_sharing_terms_version");
    public final Column<Integer> attachmentMaxBytes = integer("attachment_max_bytes").notNull().defaultValue(10485760);
    public final Column<String> defaultResponsibleUserId = text("default_responsible_user_id");
    public final Column<Json> interactionResolverGovernance =
            jsonb("interaction_resolver_governance").notNull().defaultValue(Json.EMPTY_OBJECT);

    private CompaniesTable() {
        super("companies");
        index("companies_default_responsible_user_idx").on(defaultResponsibleUserId);
        uniqueIndex("companies_issue_prefix_idx").on(issuePrefix);
    }

    /** Values of {@code companies.status}. */
    public enum Status implements TextValue { ACTIVE, PAUSED, ARCHIVED }
}
