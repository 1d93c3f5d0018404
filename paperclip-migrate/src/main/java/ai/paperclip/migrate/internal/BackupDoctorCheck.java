package ai.paperclip.migrate.internal;

import ai.paperclip.db.backup.BackupHealth;
import ai.paperclip.db.backup.BackupSchedule;
import ai.paperclip.db.backup.Backups;
import ai.paperclip.db.introspect.DoctorCheck.Result;
import ai.paperclip.db.introspect.DoctorCheck.Status;
import ai.paperclip.embedded.InstanceHome;
import ai.paperclip.embedded.PaperclipConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The doctor's {@code backups} line: the backup state of the instance. A WARN when backups are scheduled and no good
 * backup is younger than two intervals (stale); needs no database.
 */
public final class BackupDoctorCheck {

    public static final String NAME = "backups";

    private BackupDoctorCheck() {
    }

    public static Result run(Map<String, String> env, Clock clock) {
        try {
            InstanceHome instance = InstanceHome.fromEnvironment(env);
            PaperclipConfig config = PaperclipConfig.read(instance.configFile());
            Path directory = ai.paperclip.db.backup.BackupSettings.directory(config, instance, env);
            Optional<BackupSchedule> schedule = ai.paperclip.db.backup.BackupSettings.schedule(config, env);
            Duration interval = schedule.map(BackupSchedule::interval)
                    .orElse(Duration.ofMinutes(config.backupIntervalMinutes()));
            BackupHealth health = Backups.health(directory, interval, clock);
            if (schedule.isEmpty()) {
                return new Result(NAME, Status.OK, "scheduled backups off (database.backup.enabled); " + health.summary());
            }
            if (health.stale()) {
                return new Result(NAME, Status.WARN, "stale: no good backup within two intervals (" + interval.multipliedBy(2)
                        .toMinutes() + " min); " + health.summary() + ". Is the application running and its log free of"
                        + " backup failures?");
            }
            return new Result(NAME, Status.OK, "every " + interval.toMinutes() + " min; " + health.summary());
        } catch (RuntimeException e) {
            return new Result(NAME, Status.WARN, e.getMessage());
        }
    }
}
