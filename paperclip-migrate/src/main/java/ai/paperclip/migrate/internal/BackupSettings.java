package ai.paperclip.migrate.internal;

import ai.paperclip.db.backup.BackupOptions;
import ai.paperclip.embedded.InstanceHome;
import ai.paperclip.embedded.PaperclipConfig;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the backup commands read and write: {@code --dir}, else PAPERCLIP_BACKUP_DIR, else config.json's
 * database.backup.dir, else data/backups (the scheduler's rule).
 */
public final class BackupSettings {

    private BackupSettings() {
    }

    public static Path directory(Map<String, String> env, Path dir) {
        if (dir != null) {
            return dir.toAbsolutePath();
        }
        InstanceHome instance = InstanceHome.fromEnvironment(env);
        return ai.paperclip.db.backup.BackupSettings.directory(PaperclipConfig.read(instance.configFile()), instance, env);
    }

    public static BackupOptions options(Map<String, String> env, Path dir, boolean migrate) {
        return BackupOptions.builder().directory(directory(env, dir)).migrate(migrate).build();
    }

    /** The instance's cache (PostgreSQL binaries) and a work directory for a temporary verify server. */
    public static InstanceHome instance(Map<String, String> env) {
        return InstanceHome.fromEnvironment(env);
    }

    /** {@code 4.2 MB}. */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format("%.1f KB", bytes / 1024.0);
        }
        return String.format("%.1f MB", bytes / (1024.0 * 1024));
    }
}
