package ai.paperclip.spring.boot.testdb;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.db.PaperclipDb;
import ai.paperclip.spring.boot.test.PaperclipTestDatabase;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@code @PaperclipTestDatabase}: each subclass gets a fresh, migrated database of its own. Both create the company
 * with prefix ACM and both find exactly one company, so their databases are apart; {@code DATABASE_URL} naming a
 * server that does not exist proves the annotation's database wins over the application's configuration.
 */
@SpringBootTest(classes = TestApplication.class, properties = "DATABASE_URL=postgres://nobody:secret@127.0.0.1:1/nothing")
@PaperclipTestDatabase
abstract class OwnDatabaseContract {

    @Autowired
    DSLContext dsl;

    @Autowired
    PaperclipDb db;

    @Test
    void aFreshMigratedDatabaseOfItsOwn() {
        assertThat(dsl.fetchValue(DSL.field("current_database()", String.class))).startsWith("t_");
        assertThat(dsl.fetchCount(DSL.table("databasechangelog"))).isPositive();
        assertThat(dsl.fetchCount(DSL.table("companies"))).isZero();

        dsl.execute("insert into companies (name, issue_prefix) values ('Acme', 'ACM')");

        assertThat(dsl.fetchCount(DSL.table("companies"))).isEqualTo(1);
        assertThat(db.redactedUrl()).doesNotContain("nobody");
    }
}
