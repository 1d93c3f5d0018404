package ai.paperclip.examples.boot;

import ai.paperclip.db.testing.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample on an external PostgreSQL 17 (started by the test from the 17.7 binaries), named the way a deployment
 * names it: {@code DATABASE_URL}, a {@code postgres://} URL with a password full of URL-reserved characters.
 */
@SpringBootTest(classes = IssuesApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class IssuesServiceExternalIT extends IssuesServiceContract {

    private static PostgresServer server;

    @DynamicPropertySource
    static void databaseUrl(DynamicPropertyRegistry registry) {
        server = PostgresServer.start("paperclip.test.postgres17.jar");
        String url = server.urlOf(server.freshDatabase(), null);
        registry.add("DATABASE_URL", () -> url);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }
}
