package ai.paperclip.db.backup;

/**
 * One table's data in a backup.
 *
 * @param table    the quoted, schema-qualified name ({@code "public"."companies"})
 * @param rows     its row count
 * @param checksum 32 hex digits: an order-independent digest of its rows as COPY text
 */
public record TableSummary(String table, long rows, String checksum) {
}
