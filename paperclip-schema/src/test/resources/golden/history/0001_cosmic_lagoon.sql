--liquibase formatted sql logicalFilePath:0001_cosmic_lagoon.sql

-- Migration 0001_cosmic_lagoon: snapshot 8b62984e1340665dcdd79860d000faee after 0c05eec3ab3338d2eeb9fc719ae165d3.
-- Generated from the schema definitions: review it, then commit it with its snapshot.

--changeset paperclip:0001_cosmic_lagoon
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
-- add unique constraint companies_name_unique on companies
ALTER TABLE companies ADD CONSTRAINT companies_name_unique UNIQUE (name);
-- add foreign key issues_assignee_agent_id_agents_id_fk on issues
ALTER TABLE issues ADD CONSTRAINT issues_assignee_agent_id_agents_id_fk FOREIGN KEY (assignee_agent_id) REFERENCES agents(id) ON DELETE SET NULL;
-- add foreign key issues_company_id_companies_id_fk on issues
ALTER TABLE issues ADD CONSTRAINT issues_company_id_companies_id_fk FOREIGN KEY (company_id) REFERENCES companies(id) ON DELETE CASCADE;
-- add foreign key agents_company_id_companies_id_fk on agents
ALTER TABLE agents ADD CONSTRAINT agents_company_id_companies_id_fk FOREIGN KEY (company_id) REFERENCES companies(id);
-- add foreign key agents_reports_to_agents_id_fk on agents
ALTER TABLE agents ADD CONSTRAINT agents_reports_to_agents_id_fk FOREIGN KEY (reports_to) REFERENCES agents(id);
-- create index issues_company_status_idx on issues
CREATE INDEX issues_company_status_idx ON issues (company_id, status) WHERE (status <> 'done'::text);
-- create index issues_title_trgm_idx on issues
CREATE INDEX issues_title_trgm_idx ON issues USING gin (title gin_trgm_ops);
-- create index agents_name_lower_idx on agents
CREATE INDEX agents_name_lower_idx ON agents ((lower(name)));
--rollback DROP INDEX agents_name_lower_idx;
--rollback DROP INDEX issues_title_trgm_idx;
--rollback DROP INDEX issues_company_status_idx;
--rollback ALTER TABLE agents DROP CONSTRAINT agents_reports_to_agents_id_fk;
--rollback ALTER TABLE agents DROP CONSTRAINT agents_company_id_companies_id_fk;
--rollback ALTER TABLE issues DROP CONSTRAINT issues_company_id_companies_id_fk;
--rollback ALTER TABLE issues DROP CONSTRAINT issues_assignee_agent_id_agents_id_fk;
--rollback ALTER TABLE companies DROP CONSTRAINT companies_name_unique;
--rollback ALTER TABLE companies DROP COLUMN budget_monthly_cents;
--rollback ALTER TABLE companies DROP COLUMN description;
--rollback ALTER TABLE agents DROP COLUMN runtime_config;
--rollback ALTER TABLE agents DROP COLUMN reports_to;
--rollback DROP TABLE issues;
--rollback DROP EXTENSION IF EXISTS pg_trgm;
