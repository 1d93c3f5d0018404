-- The application's own Flyway history: its table references Paperclip's, so it only works after Paperclip's migrations.
create table app_invoices (id serial primary key, company_id uuid not null references companies (id));
