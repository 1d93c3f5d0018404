package ai.paperclip.db.backup;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a backup file says about itself (comment lines {@code -- paperclip-backup ...} at its head and end).
 *
 * @param created       when the snapshot was taken
 * @param serverVersion the server's {@code server_version}
 * @param database      the database name
 * @param histories     newest applied migration per history table ({@code databasechangelog},
 *                      {@code drizzle.__drizzle_migrations}), in that order, when present
 * @param tables        every table with its row count and checksum (empty until the file was read to its end)
 */
public record BackupManifest(Instant created, String serverVersion, String database, Map<String, String> histories,
                             List<TableSummary> tables) {

    public BackupManifest {
        histories = Map.copyOf(histories);
        tables = List.copyOf(tables);
    }

    /** {@code databasechangelog 0000_core_schema, drizzle.__drizzle_migrations 1700000000000}, or "none". */
    public String schemaVersion() {
        if (histories.isEmpty()) {
            return "none";
        }
        return histories.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    /** The sum of every table's rows. */
    public long totalRows() {
        return tables.stream().mapToLong(TableSummary::rows).sum();
    }
}
