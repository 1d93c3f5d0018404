package ai.paperclip.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** docs/tables.md says what the extended schema renders; this holds it to that. */
class ExtendingPaperclipSchemaTest {

    @Test
    void rendersTheHostTableAndTheForeignKeyTheCoreSchemaLeavesOut() {
        String ddl = String.join("\n", ExtendingPaperclipSchema.ddl());

        assertThat(ddl).contains("CREATE EXTENSION IF NOT EXISTS pg_trgm", "CREATE TABLE heartbeat_runs",
                "issues_checkout_run_id_heartbeat_runs_id_fk", "ON DELETE SET NULL");
    }
}
