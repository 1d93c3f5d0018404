package ai.paperclip.examples.docs;

import static ai.paperclip.schema.core.AgentsTable.AGENTS;

import ai.paperclip.schema.Column;
import ai.paperclip.schema.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** docs/tables.md: a host's table that Paperclip's core schema leaves out, with a key to {@code agents}. */
public final class HeartbeatRunsTable extends Table {
    public static final HeartbeatRunsTable HEARTBEAT_RUNS = new HeartbeatRunsTable();
    public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
    public final Column<UUID> agentId = uuid("agent_id").notNull().references(() -> AGENTS.id);
    public final Column<OffsetDateTime> startedAt = timestamptz("started_at").notNull().defaultNow();
    private HeartbeatRunsTable() {
        super("heartbeat_runs");
    }
}
