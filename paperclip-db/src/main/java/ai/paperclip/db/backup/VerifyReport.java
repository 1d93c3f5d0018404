package ai.paperclip.db.backup;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of {@link Backups#verify}: the file restored into a scratch database, each table's rows
 * counted and checksummed again and compared with the manifest.
 *
 * @param file    the backup
 * @param scratch where it was restored (a temporary database, dropped again)
 * @param tables  one line per table of the manifest
 */
public record VerifyReport(Path file, String scratch, List<TableCheck> tables) {

    public VerifyReport {
        tables = List.copyOf(tables);
    }

    /** True when every table matches the manifest. */
    public boolean ok() {
        return tables.stream().allMatch(TableCheck::matches);
    }

    /**
     * One table: expected (manifest) against found (restored).
     *
     * @param table the quoted, schema-qualified name
     */
    public record TableCheck(String table, long expectedRows, long actualRows, String expectedChecksum,
                             String actualChecksum) {

        public boolean matches() {
            return expectedRows == actualRows && expectedChecksum.equals(actualChecksum);
        }
    }
}
