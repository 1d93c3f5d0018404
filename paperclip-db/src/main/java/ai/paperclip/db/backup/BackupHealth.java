package ai.paperclip.db.backup;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether backups work, at a glance: what {@code doctor}, health indicators and metrics read.
 *
 * @param directory   the backup directory
 * @param newest      the newest backup with a manifest
 * @param newestAge   its age
 * @param lastFailure the last failed or refused scheduled run (scheduler only)
 * @param nextRun     when the scheduler runs next (scheduler only)
 * @param bytesUsed   bytes of all our backups in the directory
 * @param freeBytes   usable bytes left on the directory's file system (-1 when it does not exist)
 * @param stale       no good backup within two intervals
 * @param lastVerify  the last verification of a scheduled backup
 */
public record BackupHealth(Path directory, Optional<BackupFile> newest, Optional<Duration> newestAge,
                           Optional<Failure> lastFailure, Optional<Instant> nextRun, long bytesUsed, long freeBytes,
                           boolean stale, Optional<Verification> lastVerify) {

    /** A run that failed or was refused. */
    public record Failure(Instant at, String reason) {
    }

    /** A scheduled backup restored into a scratch database and compared with its manifest. */
    public record Verification(Instant at, Path file, boolean ok, String detail) {
    }

    /** One line for people: "newest paperclip-... 12 min old, 3 backups use 45 MB, 80 GB free". */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(newest.map(f -> "newest " + f.file().getFileName() + ", " + newestAge.map(BackupHealth::human)
                .orElse("?") + " old").orElse("no backup in " + directory));
        s.append("; ").append(bytesUsed).append(" bytes used, ").append(freeBytes).append(" bytes free");
        lastFailure.ifPresent(f -> s.append("; last failure ").append(f.at()).append(": ").append(f.reason()));
        nextRun.ifPresent(n -> s.append("; next run ").append(n));
        lastVerify.ifPresent(v -> s.append("; last verify ").append(v.ok() ? "ok" : "FAILED: " + v.detail()));
        return s.toString();
    }

    static String human(Duration d) {
        long minutes = d.toMinutes();
        return minutes < 120 ? minutes + " min" : minutes < 48 * 60 ? d.toHours() + " h" : d.toDays() + " days";
    }
}
