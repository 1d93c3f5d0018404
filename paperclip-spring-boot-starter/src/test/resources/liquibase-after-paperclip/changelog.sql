--liquibase formatted sql

--changeset app:1
create table app_notes (id serial primary key, company_id uuid not null references companies (id));
--rollback drop table app_notes;
