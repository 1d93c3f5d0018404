package ai.paperclip.db.backup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A finished restore.
 *
 * @param file              the backup restored
 * @param format            {@code paperclip}, {@code pg_dump} or {@code paperclip-typescript}
 * @param statements        SQL statements executed (COPY blocks included)
 * @param rows              rows loaded by COPY blocks
 * @param migrationsApplied migrations applied afterwards to bring the schema up to date (empty when none
 *                          were pending or migrations were not asked for)
 * @param took              wall time
 */
public record RestoreResult(Path file, String format, long statements, long rows, List<String> migrationsApplied,
                            Duration took) {

    public RestoreResult {
        migrationsApplied = List.copyOf(migrationsApplied);
    }
}
