package com.acme.db;

import ai.paperclip.schema.Schema;

/** The host's schema: its own table; Paperclip's companies table is referenced, never created here. */
public final class AcmeSchema {

    public static final Schema SCHEMA = Schema.builder().external("companies").table(InvoicesTable.INVOICES).build();

    private AcmeSchema() {
    }
}
