--liquibase formatted sql logicalFilePath:0000_invoices.sql

-- Migration 0000_invoices: snapshot 4a8fd19a5fb90536af169d0de01b6275 after 00000000000000000000000000000000.
-- Generated from the schema definitions: review it, then commit it with its snapshot.

--changeset acme:0000_invoices
-- create table invoices
CREATE TABLE invoices (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    company_id uuid NOT NULL,
    number text NOT NULL,
    amount numeric(12,2) NOT NULL,
    CONSTRAINT invoices_pkey PRIMARY KEY (id)
);
-- add foreign key invoices_company_id_companies_id_fk on invoices
ALTER TABLE invoices ADD CONSTRAINT invoices_company_id_companies_id_fk FOREIGN KEY (company_id) REFERENCES companies(id) ON DELETE CASCADE;
--rollback ALTER TABLE invoices DROP CONSTRAINT invoices_company_id_companies_id_fk;
--rollback DROP TABLE invoices;
