package ai.paperclip.db.backup;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;

/**
 * What a child JVM of the backup tests runs: {@code backup URL DIR}, {@code round-trip URL DIR TARGET_URL}
 * (a backup, then a restore of it into TARGET_URL), or {@code restore URL DIR FILE}. Prints
 * {@code DONE <rows> <peak heap MB> <file bytes>} at the end.
 */
public final class BackupMain {

    private BackupMain() {
    }

    public static void main(String[] args) {
        String url = args[1];
        Path directory = Path.of(args[2]);
        BackupOptions options = BackupOptions.builder().directory(directory).migrate(false).build();
        if (args[0].equals("restore")) {
            System.out.println("DONE " + Backups.of(url, options).restore(Path.of(args[3]), false).rows());
            return;
        }
        BackupResult made = Backups.of(url, options).backup();
        long rows = made.manifest().totalRows();
        if (args[0].equals("round-trip")) {
            String otherUrl = args[3];
            RestoreResult restored = Backups.of(otherUrl, options).restore(made.file(), false);
            rows = restored.rows();
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("DONE " + rows + " " + peak / (1024 * 1024) + " " + made.sizeBytes());
    }
}
