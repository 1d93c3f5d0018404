package ai.paperclip.examples.billing;

import ai.paperclip.schema.Schema;

/**
 * The host's schema: only its own tables. Paperclip's tables come from Paperclip's own migration
 * history, so {@code companies} is declared external: referenced, never created or changed here.
 */
public final class BillingSchema {

    public static final Schema SCHEMA = Schema.builder()
            .external("companies")
            .table(InvoicesTable.INVOICES)
            .build();

    private BillingSchema() {
    }
}
