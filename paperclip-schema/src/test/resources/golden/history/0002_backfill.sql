--liquibase formatted sql logicalFilePath:0002_backfill.sql

-- Migration 0002_backfill: snapshot 276e4619d36ddb5b65ab20480009c98f after 8b62984e1340665dcdd79860d000faee.
-- Hand-written migration. Its snapshot equals its parent's, so it must not change the schema:
-- use it for data (back-fills, fixes). Replace the no-op statement below with yours and say how
-- to undo them on lines that start with "--rollback " ("--rollback empty" when nothing is to undo).
-- Its checksum is recorded when the next migration is generated; after that it must not change.

--changeset paperclip:0002_backfill
UPDATE companies SET description = name WHERE description IS NULL;
--rollback empty
