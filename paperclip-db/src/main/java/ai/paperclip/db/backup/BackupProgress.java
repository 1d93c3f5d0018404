package ai.paperclip.db.backup;

/**
 * Told as a backup, restore or verify finishes each table, e.g. to show progress on a terminal (the CLI does, on
 * stderr): a large database takes minutes, and silence looks like a hang. Called on the working thread; keep it quick
 * and do not throw.
 */
@FunctionalInterface
public interface BackupProgress {

    /** Tells nothing. */
    BackupProgress NONE = (table, tables, name, rows, bytes) -> { };

    /**
     * Table {@code table} of {@code tables} is done.
     *
     * @param table counts from 1
     * @param tables how many tables the backup holds
     * @param name the table, as the script names it ({@code "public"."companies"})
     * @param rows its rows
     * @param bytes a backup: the bytes written to the file so far (compressed; buffers not yet flushed are not
     *     counted); a restore or verify: the table data loaded so far, uncompressed
     */
    void tableDone(int table, int tables, String name, long rows, long bytes);
}
