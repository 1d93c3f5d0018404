--liquibase formatted sql logicalFilePath:0000_base.sql

-- Migration 0000_base: snapshot b6a7afd9d601ff40d80e81b0a490d210 after 00000000000000000000000000000000.
-- Generated from the schema definitions: review it, then commit it with its snapshot.

--changeset paperclip:0000_base
-- create table agents
CREATE TABLE agents (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    company_id uuid NOT NULL,
    name text NOT NULL,
    title text,
    rank integer DEFAULT 0 NOT NULL,
    CONSTRAINT agents_pkey PRIMARY KEY (id)
);
-- create table companies
CREATE TABLE companies (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    name text NOT NULL,
    CONSTRAINT companies_pkey PRIMARY KEY (id)
);
--rollback DROP TABLE companies;
--rollback DROP TABLE agents;
