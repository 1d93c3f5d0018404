package ai.paperclip.examples.docs;

import static ai.paperclip.examples.docs.HeartbeatRunsTable.HEARTBEAT_RUNS;
import static ai.paperclip.schema.core.IssuesTable.ISSUES;
import static ai.paperclip.schema.model.ReferentialAction.SET_NULL;

import ai.paperclip.schema.Schema;
import ai.paperclip.schema.core.PaperclipSchema;
import ai.paperclip.schema.ddl.PostgresDdl;
import ai.paperclip.schema.model.SchemaModel;
import java.util.List;

/** docs/tables.md: Paperclip's tables plus a host's, with the foreign key the core schema leaves out. */
final class ExtendingPaperclipSchema {

    private ExtendingPaperclipSchema() {
    }

    static List<String> ddl() {
        Schema schema = Schema.builder()
                .include(PaperclipSchema.SCHEMA)
                .table(HEARTBEAT_RUNS)
                .foreignKey(ISSUES.checkoutRunId, HEARTBEAT_RUNS.id, SET_NULL)   // issues_checkout_run_id_heartbeat_runs_id_fk
                .build();
        SchemaModel model = schema.model();                // snapshot, diff, jOOQ generation
        List<String> ddl = PostgresDdl.createSchema(model); // CREATE EXTENSION, CREATE TABLE, ALTER TABLE … FOREIGN KEY, CREATE INDEX
        return ddl;
    }
}
