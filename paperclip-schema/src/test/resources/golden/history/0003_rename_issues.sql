--liquibase formatted sql logicalFilePath:0003_rename_issues.sql

-- Migration 0003_rename_issues: snapshot c06816bde0d9be57cd761349b03386fd after 276e4619d36ddb5b65ab20480009c98f.
-- Generated from the schema definitions: review it, then commit it with its snapshot.
-- Decisions it applies (any from decisions.txt are taken out of it):
--   rename table issues -> tasks
--   rename column agents.title -> agents.job_title
--   allow drop column companies.description

--changeset paperclip:0003_rename_issues
SET LOCAL lock_timeout = '5s';
-- drop index issues_title_trgm_idx on issues
DROP INDEX issues_title_trgm_idx;
-- ROLLING DEPLOY: the application version still running queries issues and fails after this rename. Expand/contract instead: (1) create tasks and write both tables; (2) back-fill tasks from issues in batches; (3) deploy code that reads tasks; (4) drop issues in a later migration.
-- Decided: rename table issues -> tasks
-- rename table issues to tasks
ALTER TABLE issues RENAME TO tasks;
ALTER SEQUENCE issues_number_seq RENAME TO tasks_number_seq;
-- ROLLING DEPLOY: the application version still running uses agents.title and fails after this rename. Expand/contract instead: (1) add job_title and write both columns; (2) back-fill job_title from title in batches; (3) deploy code that reads job_title; (4) drop title in a later migration.
-- Decided: rename column agents.title -> agents.job_title
-- rename column agents.title to job_title
ALTER TABLE agents RENAME COLUMN title TO job_title;
-- rename constraint issues_pkey on tasks to tasks_pkey
ALTER TABLE tasks RENAME CONSTRAINT issues_pkey TO tasks_pkey;
-- rename constraint issues_assignee_agent_id_agents_id_fk on tasks to tasks_assignee_agent_id_agents_id_fk
ALTER TABLE tasks RENAME CONSTRAINT issues_assignee_agent_id_agents_id_fk TO tasks_assignee_agent_id_agents_id_fk;
-- rename constraint issues_company_id_companies_id_fk on tasks to tasks_company_id_companies_id_fk
ALTER TABLE tasks RENAME CONSTRAINT issues_company_id_companies_id_fk TO tasks_company_id_companies_id_fk;
-- rename constraint issues_priority_check on tasks to tasks_priority_check
ALTER TABLE tasks RENAME CONSTRAINT issues_priority_check TO tasks_priority_check;
-- rename index issues_company_status_idx on tasks to tasks_company_status_idx
ALTER INDEX issues_company_status_idx RENAME TO tasks_company_status_idx;
-- ROLLING DEPLOY: the application version still running may read or write companies.description and fails once it is gone. Contract safely: first deploy code that no longer uses it, then drop it in a later migration.
-- DATA LOSS: drops column companies.description with its values; a rollback re-adds it without them
-- Decided: allow drop column companies.description
-- drop column companies.description
ALTER TABLE companies DROP COLUMN description;
--rollback SET LOCAL lock_timeout = '5s';
--rollback -- IRREVERSIBLE: drop column companies.description is undone in structure only; the lost data does not come back
--rollback ALTER TABLE companies ADD COLUMN description text;
--rollback ALTER INDEX tasks_company_status_idx RENAME TO issues_company_status_idx;
--rollback ALTER TABLE tasks RENAME CONSTRAINT tasks_priority_check TO issues_priority_check;
--rollback ALTER TABLE tasks RENAME CONSTRAINT tasks_company_id_companies_id_fk TO issues_company_id_companies_id_fk;
--rollback ALTER TABLE tasks RENAME CONSTRAINT tasks_assignee_agent_id_agents_id_fk TO issues_assignee_agent_id_agents_id_fk;
--rollback ALTER TABLE tasks RENAME CONSTRAINT tasks_pkey TO issues_pkey;
--rollback ALTER TABLE agents RENAME COLUMN job_title TO title;
--rollback ALTER TABLE tasks RENAME TO issues;
--rollback ALTER SEQUENCE tasks_number_seq RENAME TO issues_number_seq;
--rollback CREATE INDEX issues_title_trgm_idx ON issues USING gin (title gin_trgm_ops);
