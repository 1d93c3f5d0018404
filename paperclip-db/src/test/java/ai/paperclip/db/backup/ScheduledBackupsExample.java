package ai.paperclip.db.backup;

import ai.paperclip.embedded.InstanceHome;
import ai.paperclip.embedded.PaperclipConfig;
import java.util.Map;
import java.util.Optional;

/** The documentation's scheduled-backups snippet (docs/backups.md), compiled and run by BackupSettingsTest. */
final class ScheduledBackupsExample {

    private ScheduledBackupsExample() {
    }

    /** Starts the scheduler when config.json or the environment enable it; empty when backups are off. */
    static Optional<BackupScheduler> start(String url, Map<String, String> env) {
        InstanceHome instance = InstanceHome.fromEnvironment(env);
        PaperclipConfig config = PaperclipConfig.read(instance.configFile());
        BackupOptions options = BackupOptions.builder()
                .directory(BackupSettings.directory(config, instance, env)).build();
        return BackupSettings.schedule(config, env)                       // empty unless enabled
                .map(schedule -> BackupScheduler.start(Backups.of(url, options), schedule));
        // at shutdown: scheduler.close(); health: scheduler.health() (newest, age, last failure, next run, ...)
    }
}
