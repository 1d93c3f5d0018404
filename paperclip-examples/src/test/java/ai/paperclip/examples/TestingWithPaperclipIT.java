package ai.paperclip.examples;

import static ai.paperclip.db.jooq.Tables.COMPANIES;
import static ai.paperclip.db.jooq.Tables.ISSUES;
import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.db.PaperclipDb;
import ai.paperclip.db.PaperclipDbOptions;
import ai.paperclip.db.migration.Migrator;
import ai.paperclip.embedded.junit.EmbeddedPostgresExtension;
import ai.paperclip.embedded.junit.TestDatabase;
import ai.paperclip.examples.demo.DemoCompany;
import ai.paperclip.examples.demo.IssueDesk;
import ai.paperclip.schema.core.IssuesTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How a host application tests its code against Paperclip's tables: one embedded PostgreSQL for the
 * whole test run, the migrations run once into a template database, and a fresh copy of it for each
 * test (made with {@code CREATE DATABASE ... TEMPLATE}, in milliseconds). Copy this class.
 */
class TestingWithPaperclipIT {

    @RegisterExtension
    static final EmbeddedPostgresExtension PG = EmbeddedPostgresExtension.builder()
            .template("paperclip_migrated", template ->          // once per server, not once per test
                    Migrator.configure().dataSource(template.dataSource()).load().migrate())
            .perMethod()                                           // a new database for every test method
            .build();

    @Test
    void startsWithTheSchemaMigratedAndNoRows(TestDatabase database) {
        assertThat(Migrator.configure().dataSource(database.dataSource()).load().status().upToDate()).isTrue();
        try (PaperclipDb db = open(database)) {
            assertThat(db.dsl().fetchCount(COMPANIES)).isZero();
        }
    }

    @Test
    void numbersTheIssuesOfANewCompanyFromOne(TestDatabase database) {
        try (PaperclipDb db = open(database)) {
            String identifier = db.dsl().transactionResult(tx -> {
                DemoCompany company = DemoCompany.findOrCreate(tx.dsl(), "Initech");
                return IssueDesk.create(tx.dsl(), company, "Fix the printer", IssuesTable.Status.TODO,
                        IssuesTable.Priority.HIGH, company.engineerId()).getIdentifier();
            });

            assertThat(identifier).isEqualTo("INI-1");
            assertThat(db.dsl().fetchCount(ISSUES)).isOne();
        }
    }

    @Test
    void seesNothingThatAnotherTestWrote(TestDatabase database) {
        try (PaperclipDb db = open(database)) {
            db.dsl().transaction(tx -> DemoCompany.findOrCreate(tx.dsl(), "Initech"));

            assertThat(db.dsl().fetchValues(COMPANIES.ISSUE_PREFIX)).containsExactly("INI");   // never INIA
        }
    }

    /** PaperclipDb on the test's database: start-up finds the schema up to date in one query. */
    private static PaperclipDb open(TestDatabase database) {
        String url = "postgres://" + database.user() + ":" + database.password() + "@" + database.host() + ":"
                + database.port() + "/" + database.name();
        return PaperclipDb.create(url, PaperclipDbOptions.builder().poolMax(2).build());
    }
}
