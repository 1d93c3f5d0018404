package ai.paperclip.schema.core;

import static ai.paperclip.schema.core.AgentsTable.AGENTS;
import static ai.paperclip.schema.core.CompaniesTable.COMPANIES;
import static ai.paperclip.schema.core.GoalsTable.GOALS;
import static ai.paperclip.schema.core.ProjectsTable.PROJECTS;

import ai.paperclip.schema.Column;
import ai.paperclip.schema.Json;
import ai.paperclip.schema.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * {@code issues}: Paperclip's work items (the "tasks" of the documentation; there is no
 * {@code tasks} table). {@code identifier} ({@code <prefix>-<n>}) is globally unique.
 *
 * <p>Left out on purpose: the foreign keys of {@code checkout_run_id}, {@code execution_run_id}
 * (→ heartbeat_runs), {@code project_workspace_id} (→ project_workspaces) and
 * {@code execution_workspace_id} (→ execution_workspaces), which point outside the core tables.
 * The columns stay; a host that owns those tables can add the keys with
 * {@link ai.paperclip.schema.Schema.Builder#foreignKey}.
 */
public final class IssuesTable extends Table {

    public static final IssuesTable ISSUES = new IssuesTable();

    /** The predicate shared by the open-issue indexes: visible and neither done nor cancelled. */
    private static final String OPEN = "(hidden_at IS NULL) AND (status <> ALL (ARRAY['done'::text, 'cancelled'::text]))";

    public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
    public final Column<UUID> companyId = uuid("company_id").notNull().references(() -> COMPANIES.id);
    public final Column<UUID> projectId = uuid("project_id").references(() -> PROJECTS.id);
    public final Column<UUID> goalId = uuid("goal_id").references(() -> GOALS.id);
    public final Column<UUID> parentId = uuid("parent_id").references(() -> this.id);
    public final Column<String> title = text("title").notNull();
    public final Column<String> description = text("description");
    public final Column<String> status = text("status").notNull().defaultValue("backlog");
    public final Column<String> priority = text("priority").notNull().defaultValue("medium");
    public final Column<UUID> assigneeAgentId = uuid("assignee_agent_id").references(() -> AGENTS.id);
    public final Column<UUID> createdByAgentId = uuid("created_by_agent_id").references(() -> AGENTS.id);
    public final Column<String> createdByUserId = text("created_by_user_id");
    public final Column<Integer> requestDepth = integer("request_depth").notNull().defaultValue(0);
    public final Column<String> billingCode = text("billing_code");
    public final Column<OffsetDateTime> startedAt = timestamptz("started_at");
    public final Column<OffsetDateTime> completedAt = timestamptz("completed_at");
    public final Column<OffsetDateTime> cancelledAt = timestamptz("cancelled_at");
    public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();
    public final Column<OffsetDateTime> updatedAt = timestamptz("updated_at").notNull().defaultNow();
    public final Column<Integer> issueNumber = integer("issue_number");
    public final Column<String> identifier = text("identifier");
    public final Column<OffsetDateTime> hiddenAt = timestamptz("hidden_at");
    public final Column<UUID> checkoutRunId = uuid("checkout_run_id");
    public final Column<UUID> executionRunId = uuid("execution_run_id");
    public final Column<String> executionAgentNameKey = text("execution_agent_name_key");
    public final Column<OffsetDateTime> executionLockedAt = timestamptz("execution_locked_at");
    public final Column<String> assigneeUserId = text("assignee_user_id");
    public final Column<Json> assigneeAdapterOverrides = jsonb("assignee_adapter_overrides");
    public final Column<Json> executionWorkspaceSettings = jsonb("execution_workspace_settings");
    public final Column<UUID> projectWorkspaceId = uuid("project_workspace_id");
    public final Column<UUID> executionWorkspaceId = uuid("execution_workspace_id");
    public final Column<String> executionWorkspacePreference = text("execution_workspace_preference");
    public final Column<String> originKind = text("origin_kind").notNull().defaultValue("manual");
    public final Column<String> originId = text("origin_id");
    public final Column<String> originRunId = text("origin_run_id");
    public final Column<Json> executionPolicy = jsonb("execution_policy");
    public final Column<Json> executionState = jsonb("execution_state");
    public final Column<String> originFingerprint = text("origin_fingerprint").notNull().defaultValue("default");
    public final Column<OffsetDateTime> monitorNextCheckAt = timestamptz("monitor_next_check_at");
    public final Column<OffsetDateTime> monitorWakeRequestedAt = timestamptz("monitor_wake_requested_at");
    public final Column<OffsetDateTime> monitorLastTriggeredAt = timestamptz("monitor_last_triggered_at");
    public final Column<Integer> monitorAttemptCount = integer("monitor_attempt_count").notNull().defaultValue(0);
    public final Column<String> monitorNotes = text("monitor_notes");
    public final Column<String> monitorScheduledBy = text("monitor_scheduled_by");
    public final Column<String> workMode = text("work_mode").notNull().defaultValue("standard");
    public final Column<Json> sourceTrust = jsonb("source_trust");
    public final Column<String> responsibleUserId = text("responsible_user_id");
    public final Column<String> harnessKind = text("harness_kind");
    public final Column<Json> unblockDescriptor = jsonb("unblock_descriptor");
    public final Column<OffsetDateTime> blockedTransitionAt = timestamptz("blocked_transition_at");
    public final Column<OffsetDateTime> blockedOwnerNotifiedAt = timestamptz("blocked_owner_notified_at");
    public final Column<String> reviewPolicy = text("review_policy");

    private IssuesTable() {
        super("issues");
        // One open recovery issue per origin: the same unique index for each automatic origin kind.
        activeOriginIndex("issues_active_liveness_recovery_incident_uq", "harness_liveness_escalation", originId);
        uniqueIndex("issues_active_liveness_recovery_leaf_uq")
                .on(companyId, originKind, originFingerprint)
                .where("((origin_kind = 'harness_liveness_escalation'::text) AND (origin_fingerprint <> 'default'::text)"
                        + " AND " + OPEN + ")");
        activeOriginIndex("issues_active_productivity_review_uq", "issue_productivity_review", originId);
        activeOriginIndex("issues_active_stale_run_evaluation_uq", "stale_active_run_evaluation", originId);
        activeOriginIndex("issues_active_stranded_issue_recovery_uq", "stranded_issue_recovery", originId);
        activeOriginIndex("issues_active_task_watchdog_uq", "task_watchdog", originId);

        index("issues_company_assignee_status_idx").on(companyId, assigneeAgentId, status);
        index("issues_company_assignee_user_status_idx").on(companyId, assigneeUserId, status);
        index("issues_company_created_idx").on(companyId, createdAt);
        index("issues_company_execution_workspace_idx").on(companyId, executionWorkspaceId);
        index("issues_company_harness_kind_idx").on(companyId, harnessKind);
        index("issues_company_monitor_due_idx").on(companyId, monitorNextCheckAt);
        index("issues_company_origin_idx").on(companyId, originKind, originId);
        index("issues_company_parent_idx").on(companyId, parentId);
        index("issues_company_priority_idx").on(companyId, priority);
        index("issues_company_project_idx").on(companyId, projectId);
        index("issues_company_project_workspace_idx").on(companyId, projectWorkspaceId);
        index("issues_company_responsible_user_idx").on(companyId, responsibleUserId);
        index("issues_company_status_idx").on(companyId, status);
        index("issues_company_updated_idx").on(companyId, updatedAt);
        uniqueIndex("issues_identifier_idx").on(identifier);

        // Trigram search (extension pg_trgm).
        index("issues_description_search_idx").using("gin", description.op("gin_trgm_ops"));
        index("issues_identifier_search_idx").using("gin", identifier.op("gin_trgm_ops"));
        index("issues_title_search_idx").using("gin", title.op("gin_trgm_ops"));

        index("issues_open_normalized_title_created_idx")
                .on(companyId, parentId,
                        expression("lower(regexp_replace(btrim(title), '\\s+'::text, ' '::text, 'g'::text))"), createdAt)
                .where("(" + OPEN + ")");
        uniqueIndex("issues_open_routine_execution_uq")
                .on(companyId, originKind, originId, originFingerprint)
                .where("((origin_kind = 'routine_execution'::text) AND (origin_id IS NOT NULL) AND (hidden_at IS NULL)"
                        + " AND (execution_run_id IS NOT NULL) AND (status = ANY (ARRAY['backlog'::text, 'todo'::text,"
                        + " 'in_progress'::text, 'in_review'::text, 'blocked'::text])))");
    }

    private void activeOriginIndex(String indexName, String kind, Column<String> origin) {
        uniqueIndex(indexName)
                .on(companyId, originKind, origin)
                .where("((origin_kind = '" + kind + "'::text) AND (origin_id IS NOT NULL) AND " + OPEN + ")");
    }

    /** Values of {@code issues.status}. */
    public enum Status implements TextValue { BACKLOG, TODO, IN_PROGRESS, IN_REVIEW, DONE, BLOCKED, CANCELLED }

    /** Values of {@code issues.priority}. */
    public enum Priority implements TextValue { CRITICAL, HIGH, MEDIUM, LOW }
}
