package ai.paperclip.db.backup;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A finished backup: its file (complete, fsynced, under its final name) and what it holds.
 *
 * @param file      {@code .../paperclip-YYYYMMDD-HHMMSS.sql.gz}
 * @param sizeBytes the compressed size
 * @param manifest  server, schema version, tables with row counts and checksums
 * @param took      wall time
 */
public record BackupResult(Path file, long sizeBytes, BackupManifest manifest, Duration took) {
}
