--liquibase formatted sql logicalFilePath:0001_rewrite.sql

-- Migration 0001_rewrite: snapshot 05e959682e0aba1aa4651eb898f964e5 after b6a7afd9d601ff40d80e81b0a490d210.
-- Generated from the schema definitions: review it, then commit it with its snapshot.

--changeset paperclip:0001_rewrite
SET LOCAL lock_timeout = '5s';
-- drop default of agents.rank
ALTER TABLE agents ALTER COLUMN rank DROP DEFAULT;
-- REWRITES TABLE: the volatile default gen_random_uuid() of agents.token is computed for every row under an ACCESS EXCLUSIVE lock (reads and writes wait). On a large table: add the column without a default, set the default, back-fill the rows in batches.
-- add column agents.token
ALTER TABLE agents ADD COLUMN token uuid DEFAULT gen_random_uuid() NOT NULL;
-- REWRITES TABLE: changing agents.rank from integer to bigint rewrites agents and its indexes under an ACCESS EXCLUSIVE lock (reads and writes wait). On a large table expand/contract instead: (1) add a column of the new type and write both; (2) back-fill it in batches; (3) deploy code that reads it; (4) drop the old column in a later migration.
-- change type of agents.rank from integer to bigint
ALTER TABLE agents ALTER COLUMN rank TYPE bigint;
-- set default of agents.rank
ALTER TABLE agents ALTER COLUMN rank SET DEFAULT 0;
--rollback SET LOCAL lock_timeout = '5s';
--rollback ALTER TABLE agents ALTER COLUMN rank DROP DEFAULT;
--rollback ALTER TABLE agents ALTER COLUMN rank TYPE integer USING rank::integer;
--rollback ALTER TABLE agents DROP COLUMN token;
--rollback ALTER TABLE agents ALTER COLUMN rank SET DEFAULT 0;
