package ai.paperclip.examples;

import ai.paperclip.db.DatabaseTarget;
import ai.paperclip.db.PaperclipDb;
import ai.paperclip.db.PaperclipDbOptions;
import ai.paperclip.db.migration.MigrationSource;
import ai.paperclip.examples.billing.BillingSchema;
import ai.paperclip.examples.demo.CompanyTour;
import ai.paperclip.examples.demo.DemoCompany;
import ai.paperclip.schema.migration.GeneratedMigration;
import ai.paperclip.schema.migration.MigrationGenerator;
import ai.paperclip.schema.migration.MigrationOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * A host application's own table beside Paperclip's: {@code invoices} (defined with the DSL in
 * {@link ai.paperclip.examples.billing.InvoicesTable}) references {@code companies}. The host keeps its own
 * migration history, generated from its schema into a folder ({@code BILLING_MIGRATIONS_DIR}, default
 * {@code billing-migrations}), and start-up applies Paperclip's history first, then the host's.
 */
public final class OwnTables {

    /** The host's changeset author: its history's keys never collide with Paperclip's ({@code paperclip:}). */
    public static final String AUTHOR = "billing";

    // The host's table as jOOQ sees it. (A host can generate classes for it as paperclip-db does for Paperclip's.)
    private static final Table<?> INVOICES = DSL.table(DSL.name("invoices"));
    private static final Field<UUID> COMPANY_ID = DSL.field(DSL.name("company_id"), SQLDataType.UUID);
    private static final Field<String> NUMBER = DSL.field(DSL.name("number"), SQLDataType.CLOB);
    private static final Field<BigDecimal> AMOUNT = DSL.field(DSL.name("amount"), SQLDataType.NUMERIC(12, 2));

    private OwnTables() {
    }

    public static void main(String[] args) {
        Launcher.run("OwnTables", () -> run(System.getenv(), System.out));
    }

    public static int run(Map<String, String> env, PrintStream out) {
        Path migrations = Path.of(env.getOrDefault("BILLING_MIGRATIONS_DIR", "billing-migrations")).toAbsolutePath();

        // 1. Generate: compare the host's schema with its newest snapshot; write the next migration, if any.
        Optional<GeneratedMigration> generated = MigrationGenerator.generate(BillingSchema.SCHEMA.model(), migrations,
                MigrationOptions.builder().author(AUTHOR).name("create_invoices").build());
        if (generated.isPresent()) {
            out.println("Generated " + generated.get().sqlFile() + " (review it, then commit it):");
            out.println(read(generated.get().sqlFile()));
        } else {
            out.println("No schema change: " + migrations + " is up to date.");
        }

        // 2. Migrate at start-up: Paperclip's history, then the host's, in that order.
        DatabaseTarget target = DatabaseTarget.resolve(env);
        PaperclipDbOptions options = PaperclipDbOptions.builder()
                .environment(target.environment())
                .migrations(MigrationSource.paperclip(), MigrationSource.folder(migrations))
                .migrationAutoApply(true)   // a development run; production leaves this to PAPERCLIP_MIGRATION_AUTO_APPLY
                .build();
        try (PaperclipDb db = PaperclipDb.create(target, options)) {
            // 3. Use both: an invoice for the example company, in one transaction.
            return db.dsl().transactionResult(tx -> {
                DSLContext dsl = tx.dsl();
                DemoCompany company = DemoCompany.findOrCreate(dsl, CompanyTour.COMPANY_NAME);
                int next = dsl.fetchCount(INVOICES, COMPANY_ID.eq(company.id())) + 1;
                dsl.insertInto(INVOICES).set(COMPANY_ID, company.id())
                        .set(NUMBER, company.issuePrefix() + "-INV-" + next).set(AMOUNT, new BigDecimal("1250.00"))
                        .execute();
                BigDecimal total = dsl.select(DSL.sum(AMOUNT)).from(INVOICES).where(COMPANY_ID.eq(company.id()))
                        .fetchSingle().value1();
                out.printf("%s has %d invoice%s, %s EUR in all (table invoices, beside Paperclip's companies).%n",
                        company.name(), next, next == 1 ? "" : "s", total);
                return next;
            });
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
