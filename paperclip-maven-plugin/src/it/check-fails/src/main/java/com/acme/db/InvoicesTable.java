package com.acme.db;

import static ai.paperclip.schema.core.CompaniesTable.COMPANIES;
import static ai.paperclip.schema.model.ReferentialAction.CASCADE;

import ai.paperclip.schema.Column;
import ai.paperclip.schema.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** The host's own table beside Paperclip's: the invoices of a Paperclip company. */
public final class InvoicesTable extends Table {

    public static final InvoicesTable INVOICES = new InvoicesTable();

    public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
    public final Column<UUID> companyId = uuid("company_id").notNull().references(() -> COMPANIES.id).onDelete(CASCADE);
    public final Column<String> number = text("number").notNull();
    public final Column<BigDecimal> amount = numeric("amount", 12, 2).notNull();
    // Added after 0000_invoices was committed, without generating a migration: check must fail the build.
    public final Column<String> notes = text("notes");

    private InvoicesTable() {
        super("invoices");
    }
}
