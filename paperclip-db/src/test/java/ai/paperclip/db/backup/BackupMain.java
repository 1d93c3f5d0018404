package ai.paperclip.db.backup;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;

/**
 * What a child JVM of the backup tests runs: {@code backup URL DIR}, or {@code round-trip URL DIR TARGET_URL}
 * (a backup, then a restore of it into TARGET_URL). Prints {@code DONE <rows> <peak heap MB> <file bytes>}.
 */
public final class BackupMain {

    private BackupMain() {
    }

    public static void main(String[] args) {
        String url = args[1];
        Path directory = Path.of(args[2]);
        BackupOptions options = BackupOptions.builder().directory(directory).migrate(false).build();
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
