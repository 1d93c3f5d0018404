package ai.paperclip.db;

import static ai.paperclip.db.jooq.Tables.AGENTS;
import static ai.paperclip.db.jooq.Tables.COMPANIES;
import static ai.paperclip.db.jooq.Tables.ISSUES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default mode: no DATABASE_URL, and a real, persistent PostgreSQL all the same. */
class EmbeddedModeIT {

    @TempDir
    Path home;

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void withoutDatabaseUrlStartsTheInstancesServerKeepsTheDataAndStopsWhatItStarted() throws Exception {
        int port = freePort();
        Path instance = Files.createDirectories(home.resolve("instances/default"));
        Files.writeString(instance.resolve("config.json"), "{\"database\":{\"embeddedPostgresPort\":" + port + "}}");
        Map<String, String> env = Map.of("PAPERCLIP_HOME", home.toString());

        try (PaperclipDb db = PaperclipDb.fromEnvironment(env)) {
            assertThat(db.embeddedServer()).hasValueSatisfying(server -> {
                assertThat(server.port()).isEqualTo(port);
                assertThat(server.startedByThisProcess()).isTrue();
            });
            assertThat(db.health().serverVersionNum()).isGreaterThanOrEqualTo(180000);
            // A new cluster is migrated at start-up; the generated classes work on it straight away.
            UUID company = db.dsl().insertInto(COMPANIES).set(COMPANIES.NAME, "Acme").set(COMPANIES.ISSUE_PREFIX, "ACM")
                    .returning(COMPANIES.ID).fetchOne(COMPANIES.ID);
            UUID ceo = db.dsl().insertInto(AGENTS).set(AGENTS.COMPANY_ID, company).set(AGENTS.NAME, "Ada")
                    .set(AGENTS.ROLE, "ceo").returning(AGENTS.ID).fetchOne(AGENTS.ID);
            db.dsl().insertInto(AGENTS).set(AGENTS.COMPANY_ID, company).set(AGENTS.NAME, "Lin")
                    .set(AGENTS.REPORTS_TO, ceo).execute();
            db.dsl().insertInto(ISSUES).set(ISSUES.COMPANY_ID, company).set(ISSUES.TITLE, "Ship it")
                    .set(ISSUES.ASSIGNEE_AGENT_ID, ceo).set(ISSUES.IDENTIFIER, "ACM-1").set(ISSUES.ISSUE_NUMBER, 1)
                    .execute();
        }
        assertThat(Files.exists(instance.resolve("db/PG_VERSION"))).isTrue();
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/paperclip",
                "paperclip", "paperclip").close())
                .as("the server this process started is stopped on close")
                .isInstanceOf(java.sql.SQLException.class);

        try (PaperclipDb db = PaperclipDb.fromEnvironment(env)) {
            assertThat(db.dsl().fetchCount(AGENTS)).isEqualTo(2);
            assertThat(db.dsl().select(ISSUES.IDENTIFIER, AGENTS.NAME).from(ISSUES).join(AGENTS)
                    .on(AGENTS.ID.eq(ISSUES.ASSIGNEE_AGENT_ID)).fetchOne())
                    .satisfies(row -> {
                        assertThat(row.value1()).isEqualTo("ACM-1");
                        assertThat(row.value2()).isEqualTo("Ada");
                    });
            assertThat(db.dsl().fetchValue(ISSUES.STATUS)).isEqualTo("backlog");
        }
    }
}
