package ai.paperclip.spring.boot.testdb;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.spring.boot.test.PaperclipTestDatabase;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/** With {@code @DirtiesContext} after each method, a database per method; the closed context's database is dropped. */
@SpringBootTest(classes = TestApplication.class)
@PaperclipTestDatabase
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabasePerMethodIT {

    private static String firstDatabase;

    @Autowired
    DSLContext dsl;

    @Test
    @Order(1)
    void first() {
        firstDatabase = dsl.fetchValue(DSL.field("current_database()", String.class));
        dsl.execute("insert into companies (name, issue_prefix) values ('Acme', 'ACM')");
        assertThat(dsl.fetchCount(DSL.table("companies"))).isEqualTo(1);
    }

    @Test
    @Order(2)
    void second() {
        assertThat(dsl.fetchValue(DSL.field("current_database()", String.class))).isNotEqualTo(firstDatabase);
        assertThat(dsl.fetchCount(DSL.table("companies"))).isZero();
        assertThat(dsl.fetchCount(DSL.table("pg_database"), DSL.field("datname").eq(firstDatabase)))
                .as("the first method's database is dropped when its context closes").isZero();
    }
}
