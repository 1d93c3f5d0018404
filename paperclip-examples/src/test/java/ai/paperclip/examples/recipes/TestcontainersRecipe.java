package ai.paperclip.examples.recipes;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.db.DatabaseUrls;
import ai.paperclip.db.PaperclipDb;
import ai.paperclip.db.PaperclipDbOptions;
import ai.paperclip.db.jooq.Tables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * docs/testing.md's recipe for teams that already run Docker: PaperclipDb on a Testcontainers PostgreSQL. Compiled
 * by the build so the snippet cannot drift (MarkdownSnippetsTest); never run here, since this build's tests need
 * no Docker engine (its name matches neither *Test nor *IT). The embedded extension stays the default; the API
 * this uses, DatabaseUrls.withCredentials, is proven against a real server by paperclip-db's WithCredentialsIT.
 */
class TestcontainersRecipe {

    static final PostgreSQLContainer<?> POSTGRES = new PostgreSQLContainer<>("postgres:17-alpine");
    static PaperclipDb db;

    @BeforeAll
    static void startPostgres() {
        POSTGRES.start();
        String url = DatabaseUrls.withCredentials(POSTGRES.getJdbcUrl(), POSTGRES.getUsername(), POSTGRES.getPassword());
        db = PaperclipDb.create(url, PaperclipDbOptions.defaults()); // migrates the empty database
    }

    @AfterAll
    static void stopPostgres() {
        db.close();
        POSTGRES.stop();
    }

    @Test
    void companiesStartEmpty() {
        assertThat(db.dsl().fetchCount(Tables.COMPANIES)).isZero();
    }
}
