--liquibase formatted sql logicalFilePath:0000_core_schema.sql

-- Migration 0000_core_schema: snapshot 48cfc940e1713e8147a7ac39445b2705 after 00000000000000000000000000000000.
-- Generated from the schema definitions: review it, then commit it with its snapshot.

--changeset paperclip:0000_core_schema
-- create extension pg_trgm
CREATE EXTENSION IF NOT EXISTS pg_trgm;
-- create table activity_log
CREATE TABLE activity_log (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    company_id uuid NOT NULL,
    actor_type text DEFAULT 'system'::text NOT NULL,
    actor_id text NOT NULL,
    action text NOT NULL,
    entity_type text NOT NULL,
    entity_id text NOT NULL,
    agent_id uuid,
    details jsonb,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    run_id uuid,
    responsible_user_id text,
    CONSTRAINT activity_log_pkey PRIMARY KEY (id)
);
-- create table agent_api_keys
CREATE TABLE agent_api_keys (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    agent_id uuid NOT NULL,
    company_id uuid NOT NULL,
    name text NOT NULL,
    key_hash text NOT NULL,
    last_used_at timestamp with time zone,
    revoked_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    scope_config jsonb,
    responsible_user_id text,
    CONSTRAINT agent_api_keys_pkey PRIMARY KEY (id)
);
-- create table agents
CREATE TABLE agents (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    company_id uuid NOT NULL,
    name text NOT NULL,
    role text DEFAULT 'general'::text NOT NULL,
    title text,
    status text DEFAULT 'idle'::text NOT NULL,
    reports_to uuid,
    capabilities text,
    adapter_type text DEFAULT 'process'::text NOT NULL,
    adapter_config jsonb DEFAULT '{}'::jsonb NOT NULL,
    budget_monthly_cents integer DEFAULT 0 NOT NULL,
    spent_monthly_cents integer DEFAULT 0 NOT NULL,
    last_heartbeat_at timestamp with time zone,
    metadata jsonb,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    runtime_config jsonb DEFAULT '{}'::jsonb NOT NULL,
    permissions jsonb DEFAULT '{}'::jsonb NOT NULL,
    icon text,
    pause_reason text,
    paused_at timestamp with time zone,
    default_environment_id uuid,
    error_reason text,
    CONSTRAINT agents_pkey PRIMARY KEY (id)
);
-- create table companies
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
);
-- create table company_memberships
CREATE TABLE company_memberships (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    company_id uuid NOT NULL,
    principal_type text NOT NULL,
    principal_id text NOT NULL,
    status text DEFAULT 'active'::text NOT NULL,
    membership_role text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT company_memberships_pkey PRIMARY KEY (id)
);
-- create table company_secret_versions
CREATE TABLE company_secret_versions (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    secret_id uuid NOT NULL,
    version integer NOT NULL,
    material jsonb NOT NULL,
    value_sha256 text NOT NULL,
    created_by_agent_id uuid,
    created_by_user_id text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    revoked_at timestamp with time zone,
    provider_version_ref text,
    status text DEFAULT 'current'::text NOT NULL,
    fingerprint_sha256 text NOT NULL,
    rotation_job_id text,
    CONSTRAINT company_secret_versions_pkey PRIMARY KEY (id)
);
-- create table company_secrets
CREATE TABLE company_secrets (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    company_id uuid NOT NULL,
    name text NOT NULL,
    provider text DEFAULT 'local_encrypted'::text NOT NULL,
    external_ref text,
    latest_version integer DEFAULT 1 NOT NULL,
    description text,
    created_by_agent_id uuid,
    created_by_user_id text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    key text NOT NULL,
    status text DEFAULT 'active'::text NOT NULL,
    managed_mode text DEFAULT 'paperclip_managed'::text NOT NULL,
    provider_config_id uuid,
    provider_metadata jsonb,
    last_resolved_at timestamp with time zone,
    last_rotated_at timestamp with time zone,
    deleted_at timestamp with time zone,
    scope text DEFAULT 'company'::text NOT NULL,
    owner_user_id text,
    user_secret_definition_id uuid,
    CONSTRAINT company_secrets_pkey PRIMARY KEY (id),
    CONSTRAINT company_secrets_scope_shape_check CHECK ((((scope = 'company'::text) AND (owner_user_id IS NULL) AND (user_secret_definition_id IS NULL)) OR ((scope = 'user'::text) AND (owner_user_id IS NOT NULL) AND (user_secret_definition_id IS NOT NULL))))
);
-- create table goals
CREATE TABLE goals (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    company_id uuid NOT NULL,
    title text NOT NULL,
    description text,
    level text DEFAULT 'task'::text NOT NULL,
    status text DEFAULT 'planned'::text NOT NULL,
    parent_id uuid,
    owner_agent_id uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT goals_pkey PRIMARY KEY (id)
);
-- create table instance_user_roles
CREATE TABLE instance_user_roles (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id text NOT NULL,
    role text DEFAULT 'instance_admin'::text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT instance_user_roles_pkey PRIMARY KEY (id)
);
-- create table issues
CREATE TABLE issues (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    company_id uuid NOT NULL,
    project_id uuid,
    goal_id uuid,
    parent_id uuid,
    title text NOT NULL,
    description text,
    status text DEFAULT 'backlog'::text NOT NULL,
    priority text DEFAULT 'medium'::text NOT NULL,
    assignee_agent_id uuid,
    created_by_agent_id uuid,
    created_by_user_id text,
    request_depth integer DEFAULT 0 NOT NULL,
    billing_code text,
    started_at timestamp with time zone,
    completed_at timestamp with time zone,
    cancelled_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    issue_number integer,
    identifier text,
    hidden_at timestamp with time zone,
    checkout_run_id uuid,
    execution_run_id uuid,
    execution_agent_name_key text,
    execution_locked_at timestamp with time zone,
    assignee_user_id text,
    assignee_adapter_overrides jsonb,
    execution_workspace_settings jsonb,
    project_workspace_id uuid,
    execution_workspace_id uuid,
    execution_workspace_preference text,
    origin_kind text DEFAULT 'manual'::text NOT NULL,
    origin_id text,
    origin_run_id text,
    execution_policy jsonb,
    execution_state jsonb,
    origin_fingerprint text DEFAULT 'default'::text NOT NULL,
    monitor_next_check_at timestamp with time zone,
    monitor_wake_requested_at timestamp with time zone,
    monitor_last_triggered_at timestamp with time zone,
    monitor_attempt_count integer DEFAULT 0 NOT NULL,
    monitor_notes text,
    monitor_scheduled_by text,
    work_mode text DEFAULT 'standard'::text NOT NULL,
    source_trust jsonb,
    responsible_user_id text,
    harness_kind text,
    unblock_descriptor jsonb,
    blocked_transition_at timestamp with time zone,
    blocked_owner_notified_at timestamp with time zone,
    review_policy text,
    CONSTRAINT issues_pkey PRIMARY KEY (id)
);
-- create table projects
CREATE TABLE projects (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    company_id uuid NOT NULL,
    goal_id uuid,
    name text NOT NULL,
    description text,
    status text DEFAULT 'backlog'::text NOT NULL,
    lead_agent_id uuid,
    target_date date,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    color text,
    archived_at timestamp with time zone,
    execution_workspace_policy jsonb,
    pause_reason text,
    paused_at timestamp with time zone,
    env jsonb,
    icon text,
    CONSTRAINT projects_pkey PRIMARY KEY (id)
);
-- create table session
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
);
-- create table user
CREATE TABLE "user" (
    id text NOT NULL,
    name text NOT NULL,
    email text NOT NULL,
    email_verified boolean DEFAULT false NOT NULL,
    image text,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT user_pkey PRIMARY KEY (id)
);
-- add foreign key activity_log_agent_id_agents_id_fk on activity_log
ALTER TABLE activity_log ADD CONSTRAINT activity_log_agent_id_agents_id_fk FOREIGN KEY (agent_id) REFERENCES agents(id);
-- add foreign key activity_log_company_id_companies_id_fk on activity_log
ALTER TABLE activity_log ADD CONSTRAINT activity_log_company_id_companies_id_fk FOREIGN KEY (company_id) REFERENCES companies(id);
-- add foreign key agent_api_keys_agent_id_agents_id_fk on agent_api_keys
ALTER TABLE agent_api_keys ADD CONSTRAINT agent_api_keys_agent_id_agents_id_fk FOREIGN KEY (agent_id) REFERENCES agents(id);
-- add foreign key agent_api_keys_company_id_companies_id_fk on agent_api_keys
ALTER TABLE agent_api_keys ADD CONSTRAINT agent_api_keys_company_id_companies_id_fk FOREIGN KEY (company_id) REFERENCES companies(id);
-- add foreign key agents_company_id_companies_id_fk on agents
ALTER TABLE agents ADD CONSTRAINT agents_company_id_companies_id_fk FOREIGN KEY (company_id) REFERENCES companies(id);
-- add foreign key agents_reports_to_agents_id_fk on agents
ALTER TABLE agents ADD CONSTRAINT agents_reports_to_agents_id_fk FOREIGN KEY (reports_to) REFERENCES agents(id);
-- add foreign key company_memberships_company_id_companies_id_fk on company_memberships
ALTER TABLE company_memberships ADD CONSTRAINT company_memberships_company_id_companies_id_fk FOREIGN KEY (company_id) REFERENCES companies(id);
-- add foreign key company_secret_versions_created_by_agent_id_agents_id_fk on company_secret_versions
ALTER TABLE company_secret_versions ADD CONSTRAINT company_secret_versions_created_by_agent_id_agents_id_fk FOREIGN KEY (created_by_agent_id) REFERENCES agents(id) ON DELETE SET NULL;
-- add foreign key company_secret_versions_secret_id_company_secrets_id_fk on company_secret_versions
ALTER TABLE company_secret_versions ADD CONSTRAINT company_secret_versions_secret_id_company_secrets_id_fk FOREIGN KEY (secret_id) REFERENCES company_secrets(id) ON DELETE CASCADE;
-- add foreign key company_secrets_company_id_companies_id_fk on company_secrets
ALTER TABLE company_secrets ADD CONSTRAINT company_secrets_company_id_companies_id_fk FOREIGN KEY (company_id) REFERENCES companies(id);
-- add foreign key company_secrets_created_by_agent_id_agents_id_fk on company_secrets
ALTER TABLE company_secrets ADD CONSTRAINT company_secrets_created_by_agent_id_agents_id_fk FOREIGN KEY (created_by_agent_id) REFERENCES agents(id) ON DELETE SET NULL;
-- add foreign key goals_company_id_companies_id_fk on goals
ALTER TABLE goals ADD CONSTRAINT goals_company_id_companies_id_fk FOREIGN KEY (company_id) REFERENCES companies(id);
-- add foreign key goals_owner_agent_id_agents_id_fk on goals
ALTER TABLE goals ADD CONSTRAINT goals_owner_agent_id_agents_id_fk FOREIGN KEY (owner_agent_id) REFERENCES agents(id);
-- add foreign key goals_parent_id_goals_id_fk on goals
ALTER TABLE goals ADD CONSTRAINT goals_parent_id_goals_id_fk FOREIGN KEY (parent_id) REFERENCES goals(id);
-- add foreign key issues_assignee_agent_id_agents_id_fk on issues
ALTER TABLE issues ADD CONSTRAINT issues_assignee_agent_id_agents_id_fk FOREIGN KEY (assignee_agent_id) REFERENCES agents(id);
-- add foreign key issues_company_id_companies_id_fk on issues
ALTER TABLE issues ADD CONSTRAINT issues_company_id_companies_id_fk FOREIGN KEY (company_id) REFERENCES companies(id);
-- add foreign key issues_created_by_agent_id_agents_id_fk on issues
ALTER TABLE issues ADD CONSTRAINT issues_created_by_agent_id_agents_id_fk FOREIGN KEY (created_by_agent_id) REFERENCES agents(id);
-- add foreign key issues_goal_id_goals_id_fk on issues
ALTER TABLE issues ADD CONSTRAINT issues_goal_id_goals_id_fk FOREIGN KEY (goal_id) REFERENCES goals(id);
-- add foreign key issues_parent_id_issues_id_fk on issues
ALTER TABLE issues ADD CONSTRAINT issues_parent_id_issues_id_fk FOREIGN KEY (parent_id) REFERENCES issues(id);
-- add foreign key issues_project_id_projects_id_fk on issues
ALTER TABLE issues ADD CONSTRAINT issues_project_id_projects_id_fk FOREIGN KEY (project_id) REFERENCES projects(id);
-- add foreign key projects_company_id_companies_id_fk on projects
ALTER TABLE projects ADD CONSTRAINT projects_company_id_companies_id_fk FOREIGN KEY (company_id) REFERENCES companies(id);
-- add foreign key projects_goal_id_goals_id_fk on projects
ALTER TABLE projects ADD CONSTRAINT projects_goal_id_goals_id_fk FOREIGN KEY (goal_id) REFERENCES goals(id);
-- add foreign key projects_lead_agent_id_agents_id_fk on projects
ALTER TABLE projects ADD CONSTRAINT projects_lead_agent_id_agents_id_fk FOREIGN KEY (lead_agent_id) REFERENCES agents(id);
-- add foreign key session_user_id_user_id_fk on session
ALTER TABLE session ADD CONSTRAINT session_user_id_user_id_fk FOREIGN KEY (user_id) REFERENCES "user"(id) ON DELETE CASCADE;
-- create index activity_log_company_agent_created_idx on activity_log
CREATE INDEX activity_log_company_agent_created_idx ON activity_log (company_id, agent_id, created_at);
-- create index activity_log_company_created_idx on activity_log
CREATE INDEX activity_log_company_created_idx ON activity_log (company_id, created_at);
-- create index activity_log_company_responsible_user_created_idx on activity_log
CREATE INDEX activity_log_company_responsible_user_created_idx ON activity_log (company_id, responsible_user_id, created_at);
-- create index activity_log_entity_type_id_idx on activity_log
CREATE INDEX activity_log_entity_type_id_idx ON activity_log (entity_type, entity_id);
-- create index activity_log_run_id_idx on activity_log
CREATE INDEX activity_log_run_id_idx ON activity_log (run_id);
-- create index agent_api_keys_company_agent_idx on agent_api_keys
CREATE INDEX agent_api_keys_company_agent_idx ON agent_api_keys (company_id, agent_id);
-- create index agent_api_keys_key_hash_idx on agent_api_keys
CREATE INDEX agent_api_keys_key_hash_idx ON agent_api_keys (key_hash);
-- create index agents_company_built_in_agent_key_unique_idx on agents
CREATE UNIQUE INDEX agents_company_built_in_agent_key_unique_idx ON agents (company_id, (((metadata -> 'paperclipBuiltInAgent'::text) ->> 'key'::text))) WHERE ((((metadata -> 'paperclipBuiltInAgent'::text) ->> 'key'::text) IS NOT NULL) AND (status <> 'terminated'::text));
-- create index agents_company_default_environment_idx on agents
CREATE INDEX agents_company_default_environment_idx ON agents (company_id, default_environment_id);
-- create index agents_company_reports_to_idx on agents
CREATE INDEX agents_company_reports_to_idx ON agents (company_id, reports_to);
-- create index agents_company_status_idx on agents
CREATE INDEX agents_company_status_idx ON agents (company_id, status);
-- create index companies_default_responsible_user_idx on companies
CREATE INDEX companies_default_responsible_user_idx ON companies (default_responsible_user_id);
-- create index companies_issue_prefix_idx on companies
CREATE UNIQUE INDEX companies_issue_prefix_idx ON companies (issue_prefix);
-- create index company_memberships_company_principal_unique_idx on company_memberships
CREATE UNIQUE INDEX company_memberships_company_principal_unique_idx ON company_memberships (company_id, principal_type, principal_id);
-- create index company_memberships_company_status_idx on company_memberships
CREATE INDEX company_memberships_company_status_idx ON company_memberships (company_id, status);
-- create index company_memberships_principal_status_idx on company_memberships
CREATE INDEX company_memberships_principal_status_idx ON company_memberships (principal_type, principal_id, status);
-- create index company_secret_versions_fingerprint_idx on company_secret_versions
CREATE INDEX company_secret_versions_fingerprint_idx ON company_secret_versions (fingerprint_sha256);
-- create index company_secret_versions_secret_idx on company_secret_versions
CREATE INDEX company_secret_versions_secret_idx ON company_secret_versions (secret_id, created_at);
-- create index company_secret_versions_secret_version_uq on company_secret_versions
CREATE UNIQUE INDEX company_secret_versions_secret_version_uq ON company_secret_versions (secret_id, version);
-- create index company_secret_versions_value_sha256_idx on company_secret_versions
CREATE INDEX company_secret_versions_value_sha256_idx ON company_secret_versions (value_sha256);
-- create index company_secrets_company_idx on company_secrets
CREATE INDEX company_secrets_company_idx ON company_secrets (company_id);
-- create index company_secrets_company_key_uq on company_secrets
CREATE UNIQUE INDEX company_secrets_company_key_uq ON company_secrets (company_id, key) WHERE ((scope = 'company'::text) AND (deleted_at IS NULL));
-- create index company_secrets_company_name_uq on company_secrets
CREATE UNIQUE INDEX company_secrets_company_name_uq ON company_secrets (company_id, name) WHERE ((scope = 'company'::text) AND (deleted_at IS NULL));
-- create index company_secrets_company_owner_idx on company_secrets
CREATE INDEX company_secrets_company_owner_idx ON company_secrets (company_id, owner_user_id);
-- create index company_secrets_company_provider_idx on company_secrets
CREATE INDEX company_secrets_company_provider_idx ON company_secrets (company_id, provider);
-- create index company_secrets_company_scope_idx on company_secrets
CREATE INDEX company_secrets_company_scope_idx ON company_secrets (company_id, scope);
-- create index company_secrets_provider_config_idx on company_secrets
CREATE INDEX company_secrets_provider_config_idx ON company_secrets (provider_config_id);
-- create index company_secrets_user_definition_owner_idx on company_secrets
CREATE INDEX company_secrets_user_definition_owner_idx ON company_secrets (company_id, user_secret_definition_id, owner_user_id);
-- create index company_secrets_user_definition_owner_uq on company_secrets
CREATE UNIQUE INDEX company_secrets_user_definition_owner_uq ON company_secrets (company_id, user_secret_definition_id, owner_user_id) WHERE ((scope = 'user'::text) AND (deleted_at IS NULL));
-- create index goals_company_idx on goals
CREATE INDEX goals_company_idx ON goals (company_id);
-- create index instance_user_roles_role_idx on instance_user_roles
CREATE INDEX instance_user_roles_role_idx ON instance_user_roles (role);
-- create index instance_user_roles_user_role_unique_idx on instance_user_roles
CREATE UNIQUE INDEX instance_user_roles_user_role_unique_idx ON instance_user_roles (user_id, role);
-- create index issues_active_liveness_recovery_incident_uq on issues
CREATE UNIQUE INDEX issues_active_liveness_recovery_incident_uq ON issues (company_id, origin_kind, origin_id) WHERE ((origin_kind = 'harness_liveness_escalation'::text) AND (origin_id IS NOT NULL) AND (hidden_at IS NULL) AND (status <> ALL (ARRAY['done'::text, 'cancelled'::text])));
-- create index issues_active_liveness_recovery_leaf_uq on issues
CREATE UNIQUE INDEX issues_active_liveness_recovery_leaf_uq ON issues (company_id, origin_kind, origin_fingerprint) WHERE ((origin_kind = 'harness_liveness_escalation'::text) AND (origin_fingerprint <> 'default'::text) AND (hidden_at IS NULL) AND (status <> ALL (ARRAY['done'::text, 'cancelled'::text])));
-- create index issues_active_productivity_review_uq on issues
CREATE UNIQUE INDEX issues_active_productivity_review_uq ON issues (company_id, origin_kind, origin_id) WHERE ((origin_kind = 'issue_productivity_review'::text) AND (origin_id IS NOT NULL) AND (hidden_at IS NULL) AND (status <> ALL (ARRAY['done'::text, 'cancelled'::text])));
-- create index issues_active_stale_run_evaluation_uq on issues
CREATE UNIQUE INDEX issues_active_stale_run_evaluation_uq ON issues (company_id, origin_kind, origin_id) WHERE ((origin_kind = 'stale_active_run_evaluation'::text) AND (origin_id IS NOT NULL) AND (hidden_at IS NULL) AND (status <> ALL (ARRAY['done'::text, 'cancelled'::text])));
-- create index issues_active_stranded_issue_recovery_uq on issues
CREATE UNIQUE INDEX issues_active_stranded_issue_recovery_uq ON issues (company_id, origin_kind, origin_id) WHERE ((origin_kind = 'stranded_issue_recovery'::text) AND (origin_id IS NOT NULL) AND (hidden_at IS NULL) AND (status <> ALL (ARRAY['done'::text, 'cancelled'::text])));
-- create index issues_active_task_watchdog_uq on issues
CREATE UNIQUE INDEX issues_active_task_watchdog_uq ON issues (company_id, origin_kind, origin_id) WHERE ((origin_kind = 'task_watchdog'::text) AND (origin_id IS NOT NULL) AND (hidden_at IS NULL) AND (status <> ALL (ARRAY['done'::text, 'cancelled'::text])));
-- create index issues_company_assignee_status_idx on issues
CREATE INDEX issues_company_assignee_status_idx ON issues (company_id, assignee_agent_id, status);
-- create index issues_company_assignee_user_status_idx on issues
CREATE INDEX issues_company_assignee_user_status_idx ON issues (company_id, assignee_user_id, status);
-- create index issues_company_created_idx on issues
CREATE INDEX issues_company_created_idx ON issues (company_id, created_at);
-- create index issues_company_execution_workspace_idx on issues
CREATE INDEX issues_company_execution_workspace_idx ON issues (company_id, execution_workspace_id);
-- create index issues_company_harness_kind_idx on issues
CREATE INDEX issues_company_harness_kind_idx ON issues (company_id, harness_kind);
-- create index issues_company_monitor_due_idx on issues
CREATE INDEX issues_company_monitor_due_idx ON issues (company_id, monitor_next_check_at);
-- create index issues_company_origin_idx on issues
CREATE INDEX issues_company_origin_idx ON issues (company_id, origin_kind, origin_id);
-- create index issues_company_parent_idx on issues
CREATE INDEX issues_company_parent_idx ON issues (company_id, parent_id);
-- create index issues_company_priority_idx on issues
CREATE INDEX issues_company_priority_idx ON issues (company_id, priority);
-- create index issues_company_project_idx on issues
CREATE INDEX issues_company_project_idx ON issues (company_id, project_id);
-- create index issues_company_project_workspace_idx on issues
CREATE INDEX issues_company_project_workspace_idx ON issues (company_id, project_workspace_id);
-- create index issues_company_responsible_user_idx on issues
CREATE INDEX issues_company_responsible_user_idx ON issues (company_id, responsible_user_id);
-- create index issues_company_status_idx on issues
CREATE INDEX issues_company_status_idx ON issues (company_id, status);
-- create index issues_company_updated_idx on issues
CREATE INDEX issues_company_updated_idx ON issues (company_id, updated_at);
-- create index issues_description_search_idx on issues
CREATE INDEX issues_description_search_idx ON issues USING gin (description gin_trgm_ops);
-- create index issues_identifier_idx on issues
CREATE UNIQUE INDEX issues_identifier_idx ON issues (identifier);
-- create index issues_identifier_search_idx on issues
CREATE INDEX issues_identifier_search_idx ON issues USING gin (identifier gin_trgm_ops);
-- create index issues_open_normalized_title_created_idx on issues
CREATE INDEX issues_open_normalized_title_created_idx ON issues (company_id, parent_id, (lower(regexp_replace(btrim(title), '\s+'::text, ' '::text, 'g'::text))), created_at) WHERE ((hidden_at IS NULL) AND (status <> ALL (ARRAY['done'::text, 'cancelled'::text])));
-- create index issues_open_routine_execution_uq on issues
CREATE UNIQUE INDEX issues_open_routine_execution_uq ON issues (company_id, origin_kind, origin_id, origin_fingerprint) WHERE ((origin_kind = 'routine_execution'::text) AND (origin_id IS NOT NULL) AND (hidden_at IS NULL) AND (execution_run_id IS NOT NULL) AND (status = ANY (ARRAY['backlog'::text, 'todo'::text, 'in_progress'::text, 'in_review'::text, 'blocked'::text])));
-- create index issues_title_search_idx on issues
CREATE INDEX issues_title_search_idx ON issues USING gin (title gin_trgm_ops);
-- create index projects_company_idx on projects
CREATE INDEX projects_company_idx ON projects (company_id);
--rollback DROP INDEX projects_company_idx;
--rollback DROP INDEX issues_title_search_idx;
--rollback DROP INDEX issues_open_routine_execution_uq;
--rollback DROP INDEX issues_open_normalized_title_created_idx;
--rollback DROP INDEX issues_identifier_search_idx;
--rollback DROP INDEX issues_identifier_idx;
--rollback DROP INDEX issues_description_search_idx;
--rollback DROP INDEX issues_company_updated_idx;
--rollback DROP INDEX issues_company_status_idx;
--rollback DROP INDEX issues_company_responsible_user_idx;
--rollback DROP INDEX issues_company_project_workspace_idx;
--rollback DROP INDEX issues_company_project_idx;
--rollback DROP INDEX issues_company_priority_idx;
--rollback DROP INDEX issues_company_parent_idx;
--rollback DROP INDEX issues_company_origin_idx;
--rollback DROP INDEX issues_company_monitor_due_idx;
--rollback DROP INDEX issues_company_harness_kind_idx;
--rollback DROP INDEX issues_company_execution_workspace_idx;
--rollback DROP INDEX issues_company_created_idx;
--rollback DROP INDEX issues_company_assignee_user_status_idx;
--rollback DROP INDEX issues_company_assignee_status_idx;
--rollback DROP INDEX issues_active_task_watchdog_uq;
--rollback DROP INDEX issues_active_stranded_issue_recovery_uq;
--rollback DROP INDEX issues_active_stale_run_evaluation_uq;
--rollback DROP INDEX issues_active_productivity_review_uq;
--rollback DROP INDEX issues_active_liveness_recovery_leaf_uq;
--rollback DROP INDEX issues_active_liveness_recovery_incident_uq;
--rollback DROP INDEX instance_user_roles_user_role_unique_idx;
--rollback DROP INDEX instance_user_roles_role_idx;
--rollback DROP INDEX goals_company_idx;
--rollback DROP INDEX company_secrets_user_definition_owner_uq;
--rollback DROP INDEX company_secrets_user_definition_owner_idx;
--rollback DROP INDEX company_secrets_provider_config_idx;
--rollback DROP INDEX company_secrets_company_scope_idx;
--rollback DROP INDEX company_secrets_company_provider_idx;
--rollback DROP INDEX company_secrets_company_owner_idx;
--rollback DROP INDEX company_secrets_company_name_uq;
--rollback DROP INDEX company_secrets_company_key_uq;
--rollback DROP INDEX company_secrets_company_idx;
--rollback DROP INDEX company_secret_versions_value_sha256_idx;
--rollback DROP INDEX company_secret_versions_secret_version_uq;
--rollback DROP INDEX company_secret_versions_secret_idx;
--rollback DROP INDEX company_secret_versions_fingerprint_idx;
--rollback DROP INDEX company_memberships_principal_status_idx;
--rollback DROP INDEX company_memberships_company_status_idx;
--rollback DROP INDEX company_memberships_company_principal_unique_idx;
--rollback DROP INDEX companies_issue_prefix_idx;
--rollback DROP INDEX companies_default_responsible_user_idx;
--rollback DROP INDEX agents_company_status_idx;
--rollback DROP INDEX agents_company_reports_to_idx;
--rollback DROP INDEX agents_company_default_environment_idx;
--rollback DROP INDEX agents_company_built_in_agent_key_unique_idx;
--rollback DROP INDEX agent_api_keys_key_hash_idx;
--rollback DROP INDEX agent_api_keys_company_agent_idx;
--rollback DROP INDEX activity_log_run_id_idx;
--rollback DROP INDEX activity_log_entity_type_id_idx;
--rollback DROP INDEX activity_log_company_responsible_user_created_idx;
--rollback DROP INDEX activity_log_company_created_idx;
--rollback DROP INDEX activity_log_company_agent_created_idx;
--rollback ALTER TABLE session DROP CONSTRAINT session_user_id_user_id_fk;
--rollback ALTER TABLE projects DROP CONSTRAINT projects_lead_agent_id_agents_id_fk;
--rollback ALTER TABLE projects DROP CONSTRAINT projects_goal_id_goals_id_fk;
--rollback ALTER TABLE projects DROP CONSTRAINT projects_company_id_companies_id_fk;
--rollback ALTER TABLE issues DROP CONSTRAINT issues_project_id_projects_id_fk;
--rollback ALTER TABLE issues DROP CONSTRAINT issues_parent_id_issues_id_fk;
--rollback ALTER TABLE issues DROP CONSTRAINT issues_goal_id_goals_id_fk;
--rollback ALTER TABLE issues DROP CONSTRAINT issues_created_by_agent_id_agents_id_fk;
--rollback ALTER TABLE issues DROP CONSTRAINT issues_company_id_companies_id_fk;
--rollback ALTER TABLE issues DROP CONSTRAINT issues_assignee_agent_id_agents_id_fk;
--rollback ALTER TABLE goals DROP CONSTRAINT goals_parent_id_goals_id_fk;
--rollback ALTER TABLE goals DROP CONSTRAINT goals_owner_agent_id_agents_id_fk;
--rollback ALTER TABLE goals DROP CONSTRAINT goals_company_id_companies_id_fk;
--rollback ALTER TABLE company_secrets DROP CONSTRAINT company_secrets_created_by_agent_id_agents_id_fk;
--rollback ALTER TABLE company_secrets DROP CONSTRAINT company_secrets_company_id_companies_id_fk;
--rollback ALTER TABLE company_secret_versions DROP CONSTRAINT company_secret_versions_secret_id_company_secrets_id_fk;
--rollback ALTER TABLE company_secret_versions DROP CONSTRAINT company_secret_versions_created_by_agent_id_agents_id_fk;
--rollback ALTER TABLE company_memberships DROP CONSTRAINT company_memberships_company_id_companies_id_fk;
--rollback ALTER TABLE agents DROP CONSTRAINT agents_reports_to_agents_id_fk;
--rollback ALTER TABLE agents DROP CONSTRAINT agents_company_id_companies_id_fk;
--rollback ALTER TABLE agent_api_keys DROP CONSTRAINT agent_api_keys_company_id_companies_id_fk;
--rollback ALTER TABLE agent_api_keys DROP CONSTRAINT agent_api_keys_agent_id_agents_id_fk;
--rollback ALTER TABLE activity_log DROP CONSTRAINT activity_log_company_id_companies_id_fk;
--rollback ALTER TABLE activity_log DROP CONSTRAINT activity_log_agent_id_agents_id_fk;
--rollback DROP TABLE "user";
--rollback DROP TABLE session;
--rollback DROP TABLE projects;
--rollback DROP TABLE issues;
--rollback DROP TABLE instance_user_roles;
--rollback DROP TABLE goals;
--rollback DROP TABLE company_secrets;
--rollback DROP TABLE company_secret_versions;
--rollback DROP TABLE company_memberships;
--rollback DROP TABLE companies;
--rollback DROP TABLE agents;
--rollback DROP TABLE agent_api_keys;
--rollback DROP TABLE activity_log;
--rollback DROP EXTENSION IF EXISTS pg_trgm;
