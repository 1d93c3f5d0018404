package ai.paperclip.examples.billing;

import static ai.paperclip.schema.model.ReferentialAction.CASCADE;
import static ai.paperclip.schema.core.CompaniesTable.COMPANIES;

import ai.paperclip.schema.Column;
import ai.paperclip.schema.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A host application's own table beside Paperclip's: the invoices of a Paperclip company. */
public final class InvoicesTable extends Table {

    public static final InvoicesTable INVOICES = new InvoicesTable();

    public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
    public final Column<UUID> companyId = uuid("company_id").notNull().references(() -> COMPANIES.id).onDelete(CASCADE);
    public final Column<String> number = text("number").notNull();
    public final Column<BigDecimal> amount = numeric("amount", 12, 2).notNull();
    public final Column<String> currency = text("currency").notNull().defaultValue("EUR");
    public final Column<OffsetDateTime> issuedAt = timestamptz("issued_at").notNull().defaultNow();

    private InvoicesTable() {
        super("invoices");
        uniqueIndex("invoices_company_number_idx").on(companyId, number);
    }
}
