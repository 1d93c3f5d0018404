--liquibase formatted sql logicalFilePath:0001_cosmic_lagoon.sql

-- Migration 0001_cosmic_lagoon: snapshot 8b62984e1340665dcdd79860d000faee after 0c05eec3ab3338d2eeb9fc719ae165d3.
-- Generated from the schema definitions: review it, then commit it with its snapshot.

--changeset paperclip:0001_cosmic_lagoon
SET LOCAL lock_timeout = '5s';
-- create extension pg_trgm
CREATE EXTENSION IF NOT EXISTS pg_trgm;
-- create table issues
CREATE TABLE issues (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    company_id uuid NOT NULL,
    number serial NOT NULL,
    title text NOT NULL,
    status text DEFAULT 'backlog'::text NOT NULL,
    priority text DEFAULT 'medium'::text NOT NULL,
    assignee_agent_id uuid,
    metadata jsonb DEFAULT '{}'::jsonb NOT NULL,
    labels text[] DEFAULT '{}'::text[] NOT NULL,
    CONSTRAINT issues_pkey PRIMARY KEY (id),
    CONSTRAINT issues_priority_check CHECK ((priority = ANY (ARRAY['low'::text, 'medium'::text, 'high'::text])))
);
-- add column agents.reports_to
ALTER TABLE agents ADD COLUMN reports_to uuid;
-- add column agents.runtime_config
ALTER TABLE agents ADD COLUMN runtime_config jsonb DEFAULT '{}'::jsonb NOT NULL;
-- add column companies.description
ALTER TABLE companies ADD COLUMN description text;
-- add column companies.budget_monthly_cents
ALTER TABLE companies ADD COLUMN budget_monthly_cents integer DEFAULT 0 NOT NULL;
-- add foreign key issues_assignee_agent_id_agents_id_fk on issues
ALTER TABLE issues ADD CONSTRAINT issues_assignee_agent_id_agents_id_fk FOREIGN KEY (assignee_agent_id) REFERENCES agents(id) ON DELETE SET NULL;
-- add foreign key issues_company_id_companies_id_fk on issues
ALTER TABLE issues ADD CONSTRAINT issues_company_id_companies_id_fk FOREIGN KEY (company_id) REFERENCES companies(id) ON DELETE CASCADE;
-- create index issues_company_status_idx on issues
CREATE INDEX issues_company_status_idx ON issues (company_id, status) WHERE (status <> 'done'::text);
-- create index issues_title_trgm_idx on issues
CREATE INDEX issues_title_trgm_idx ON issues USING gin (title gin_trgm_ops);
--rollback SET LOCAL lock_timeout = '5s';
--rollback DROP INDEX issues_title_trgm_idx;
--rollback DROP INDEX issues_company_status_idx;
--rollback ALTER TABLE issues DROP CONSTRAINT issues_company_id_companies_id_fk;
--rollback ALTER TABLE issues DROP CONSTRAINT issues_assignee_agent_id_agents_id_fk;
--rollback ALTER TABLE companies DROP COLUMN budget_monthly_cents;
--rollback ALTER TABLE companies DROP COLUMN description;
--rollback ALTER TABLE agents DROP COLUMN runtime_config;
--rollback ALTER TABLE agents DROP COLUMN reports_to;
--rollback DROP TABLE issues;
--rollback DROP EXTENSION IF EXISTS pg_trgm;

--changeset paperclip:0001_cosmic_lagoon_concurrently_1 runInTransaction:false
-- create index agents_name_lower_idx on agents
DROP INDEX CONCURRENTLY IF EXISTS agents_name_lower_idx;
CREATE INDEX CONCURRENTLY agents_name_lower_idx ON agents ((lower(name)));
--rollback DROP INDEX CONCURRENTLY agents_name_lower_idx;

--changeset paperclip:0001_cosmic_lagoon_concurrently_2 runInTransaction:false
-- build unique index companies_name_unique on companies concurrently
DROP INDEX CONCURRENTLY IF EXISTS companies_name_unique;
CREATE UNIQUE INDEX CONCURRENTLY companies_name_unique ON companies (name);
--rollback DROP INDEX CONCURRENTLY IF EXISTS companies_name_unique;

--changeset paperclip:0001_cosmic_lagoon_constraints
SET LOCAL lock_timeout = '5s';
-- add unique constraint companies_name_unique on companies using its index
ALTER TABLE companies ADD CONSTRAINT companies_name_unique UNIQUE USING INDEX companies_name_unique;
-- add foreign key agents_company_id_companies_id_fk on agents NOT VALID
ALTER TABLE agents ADD CONSTRAINT agents_company_id_companies_id_fk FOREIGN KEY (company_id) REFERENCES companies(id) NOT VALID;
-- add foreign key agents_reports_to_agents_id_fk on agents NOT VALID
ALTER TABLE agents ADD CONSTRAINT agents_reports_to_agents_id_fk FOREIGN KEY (reports_to) REFERENCES agents(id) NOT VALID;
--rollback SET LOCAL lock_timeout = '5s';
--rollback ALTER TABLE agents DROP CONSTRAINT agents_reports_to_agents_id_fk;
--rollback ALTER TABLE agents DROP CONSTRAINT agents_company_id_companies_id_fk;
--rollback ALTER TABLE companies DROP CONSTRAINT companies_name_unique;

--changeset paperclip:0001_cosmic_lagoon_validate_1
-- validate constraint agents_company_id_companies_id_fk on agents
ALTER TABLE agents VALIDATE CONSTRAINT agents_company_id_companies_id_fk;
--rollback empty

--changeset paperclip:0001_cosmic_lagoon_validate_2
-- validate constraint agents_reports_to_agents_id_fk on agents
ALTER TABLE agents VALIDATE CONSTRAINT agents_reports_to_agents_id_fk;
--rollback empty
