--liquibase formatted sql
--changeset acme:0000
CREATE TABLE notes (id uuid PRIMARY KEY, body text);
