--liquibase formatted sql
--changeset acme:0001
SET LOCAL lock_timeout = '5s';
CREATE INDEX notes_body_idx ON notes (body);
