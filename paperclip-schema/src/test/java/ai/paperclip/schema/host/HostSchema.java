package ai.paperclip.schema.host;

import static ai.paperclip.schema.host.HeartbeatRuns.HEARTBEAT_RUNS;
import static ai.paperclip.schema.host.OrderLinks.ORDER_LINKS;
import static ai.paperclip.schema.host.Orders.ORDERS;
import static ai.paperclip.schema.model.ReferentialAction.SET_NULL;
import static ai.paperclip.schema.core.IssuesTable.ISSUES;

import ai.paperclip.schema.Schema;
import ai.paperclip.schema.core.PaperclipSchema;

/** A host application's schema: Paperclip's tables, its own, and a foreign key from issues to its own table. */
public final class HostSchema {

    public static final Schema SCHEMA = Schema.builder()
            .include(PaperclipSchema.SCHEMA)
            .tables(HEARTBEAT_RUNS, ORDERS, ORDER_LINKS)
            .foreignKey(ISSUES.checkoutRunId, HEARTBEAT_RUNS.id, SET_NULL)
            .build();

    private HostSchema() {
    }
}
