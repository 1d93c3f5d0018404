package ai.paperclip.schema.host;

import static ai.paperclip.schema.core.AgentsTable.AGENTS;

import ai.paperclip.schema.Column;
import ai.paperclip.schema.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A host that owns {@code heartbeat_runs} (not a core table) and links Paperclip's issues to it. */
public final class HeartbeatRuns extends Table {

    public static final HeartbeatRuns HEARTBEAT_RUNS = new HeartbeatRuns();

    public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
    public final Column<UUID> agentId = uuid("agent_id").notNull().references(() -> AGENTS.id);
    public final Column<OffsetDateTime> startedAt = timestamptz("started_at").notNull().defaultNow();

    private HeartbeatRuns() {
        super("heartbeat_runs");
    }
}
