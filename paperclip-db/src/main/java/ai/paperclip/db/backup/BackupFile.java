package ai.paperclip.db.backup;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A backup found in the backup directory by {@link Backups#list()}.
 *
 * @param file          the file
 * @param created       when its snapshot was taken (from its header; the file time when it has none)
 * @param sizeBytes     its size
 * @param schemaVersion newest applied migration of each history at backup time, or {@code unknown}
 */
public record BackupFile(Path file, Instant created, long sizeBytes, String schemaVersion) {

    /** How old it is at {@code now}. */
    public Duration age(Instant now) {
        return Duration.between(created, now);
    }
}
