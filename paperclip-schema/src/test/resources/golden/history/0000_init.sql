--liquibase formatted sql logicalFilePath:0000_init.sql

-- Migration 0000_init: snapshot 0c05eec3ab3338d2eeb9fc719ae165d3 after 00000000000000000000000000000000.
-- Generated from the schema definitions: review it, then commit it with its snapshot.

--changeset paperclip:0000_init
-- create table agents
CREATE TABLE agents (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    company_id uuid NOT NULL,
    name text NOT NULL,
    title text,
    CONSTRAINT agents_pkey PRIMARY KEY (id)
);
-- create table companies
CREATE TABLE companies (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    name text NOT NULL,
    status text DEFAULT 'active'::text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT companies_pkey PRIMARY KEY (id)
);
--rollback DROP TABLE companies;
--rollback DROP TABLE agents;
