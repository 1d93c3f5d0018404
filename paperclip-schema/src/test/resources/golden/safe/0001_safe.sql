--liquibase formatted sql logicalFilePath:0001_safe.sql

-- Migration 0001_safe: snapshot 06a5fc8e76624f68eb1c4b27f0bac822 after b6a7afd9d601ff40d80e81b0a490d210.
-- Generated from the schema definitions: review it, then commit it with its snapshot.

--changeset paperclip:0001_safe_concurrently_1 runInTransaction:false
-- create index agents_name_idx on agents
DROP INDEX CONCURRENTLY IF EXISTS agents_name_idx;
CREATE INDEX CONCURRENTLY agents_name_idx ON agents (name);
--rollback DROP INDEX CONCURRENTLY agents_name_idx;

--changeset paperclip:0001_safe_concurrently_2 runInTransaction:false
-- build unique index companies_name_unique on companies concurrently
DROP INDEX CONCURRENTLY IF EXISTS companies_name_unique;
CREATE UNIQUE INDEX CONCURRENTLY companies_name_unique ON companies (name);
--rollback DROP INDEX CONCURRENTLY IF EXISTS companies_name_unique;

--changeset paperclip:0001_safe_constraints
SET LOCAL lock_timeout = '5s';
-- add check agents_title_not_null (title IS NOT NULL) on agents NOT VALID
ALTER TABLE agents ADD CONSTRAINT agents_title_not_null CHECK (title IS NOT NULL) NOT VALID;
-- add check agents_rank_check on agents NOT VALID
ALTER TABLE agents ADD CONSTRAINT agents_rank_check CHECK ((rank >= 0)) NOT VALID;
-- add unique constraint companies_name_unique on companies using its index
ALTER TABLE companies ADD CONSTRAINT companies_name_unique UNIQUE USING INDEX companies_name_unique;
-- add foreign key agents_company_id_companies_id_fk on agents NOT VALID
ALTER TABLE agents ADD CONSTRAINT agents_company_id_companies_id_fk FOREIGN KEY (company_id) REFERENCES companies(id) ON DELETE CASCADE NOT VALID;
--rollback SET LOCAL lock_timeout = '5s';
--rollback ALTER TABLE agents DROP CONSTRAINT agents_company_id_companies_id_fk;
--rollback ALTER TABLE companies DROP CONSTRAINT companies_name_unique;
--rollback ALTER TABLE agents DROP CONSTRAINT agents_rank_check;
--rollback ALTER TABLE agents DROP CONSTRAINT IF EXISTS agents_title_not_null;

--changeset paperclip:0001_safe_validate_1
-- validate constraint agents_title_not_null on agents
ALTER TABLE agents VALIDATE CONSTRAINT agents_title_not_null;
--rollback empty

--changeset paperclip:0001_safe_validate_2
-- validate constraint agents_company_id_companies_id_fk on agents
ALTER TABLE agents VALIDATE CONSTRAINT agents_company_id_companies_id_fk;
--rollback empty

--changeset paperclip:0001_safe_validate_3
-- validate constraint agents_rank_check on agents
ALTER TABLE agents VALIDATE CONSTRAINT agents_rank_check;
--rollback empty

--changeset paperclip:0001_safe_not_null_1
SET LOCAL lock_timeout = '5s';
-- set not null on agents.title using check agents_title_not_null
ALTER TABLE agents ALTER COLUMN title SET NOT NULL;
ALTER TABLE agents DROP CONSTRAINT IF EXISTS agents_title_not_null;
--rollback SET LOCAL lock_timeout = '5s';
--rollback ALTER TABLE agents ALTER COLUMN title DROP NOT NULL;
