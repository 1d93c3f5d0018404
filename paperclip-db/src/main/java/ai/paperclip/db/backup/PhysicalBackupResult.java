package ai.paperclip.db.backup;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A physical backup: a {@code .tar.gz} holding {@code db/} (the cluster's data directory, its {@code backup_label}
 * and the WAL from the backup's start to its end). Restore it by unpacking into the instance directory.
 *
 * @param file      {@code .../paperclip-YYYYMMDD-HHMMSS.physical.tar.gz}
 * @param sizeBytes its size
 * @param startLsn  the WAL position pg_backup_start returned (empty for a stopped cluster)
 * @param stopLsn   the WAL position pg_backup_stop returned (empty for a stopped cluster)
 * @param took      wall time
 */
public record PhysicalBackupResult(Path file, long sizeBytes, String startLsn, String stopLsn, Duration took) {
}
