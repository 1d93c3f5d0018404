package ai.paperclip.db.backup;

import ai.paperclip.db.backup.internal.BackupDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Builds a {@link BackupHealth} from the backup directory; the scheduler adds its own state. */
final class Health {

    private Health() {
    }

    static BackupHealth of(Path directory, Duration interval, Instant now, Optional<BackupHealth.Failure> failure,
                           Optional<Instant> nextRun, Optional<BackupHealth.Verification> verify) {
        List<BackupFile> all;
        List<BackupFile> good;
        try {
            all = BackupDirectory.list(directory);
            good = BackupDirectory.listWithManifest(directory);
        } catch (IOException e) {
            throw new BackupException("Cannot read the backup directory " + directory + ": " + e
                    + ". Check that it exists and is readable.", null, e);
        }
        Optional<BackupFile> newest = good.stream().findFirst();
        Optional<Duration> age = newest.map(f -> f.age(now));
        boolean stale = age.map(a -> a.compareTo(interval.multipliedBy(2)) > 0).orElse(true);
        long used = all.stream().mapToLong(BackupFile::sizeBytes).sum();
        return new BackupHealth(directory, newest, age, failure, nextRun, used, free(directory), stale, verify);
    }

    /** Usable bytes on the file system of {@code directory} (its nearest existing parent), or -1. */
    static long free(Path directory) {
        for (Path p = directory; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                try {
                    return Files.getFileStore(p).getUsableSpace();
                } catch (IOException e) {
                    return -1;
                }
            }
        }
        return -1;
    }
}
