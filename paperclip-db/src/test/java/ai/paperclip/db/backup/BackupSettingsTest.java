package ai.paperclip.db.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.paperclip.embedded.ConfigurationException;
import ai.paperclip.embedded.InstanceHome;
import ai.paperclip.embedded.PaperclipConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scheduled backups are off unless configured; config.json keys and environment variables, the latter winning. */
class BackupSettingsTest {

    @TempDir
    Path dir;

    private PaperclipConfig config(String json) throws IOException {
        Path file = Files.writeString(dir.resolve("config.json"), json);
        return PaperclipConfig.read(file);
    }

    @Test
    void offUnlessConfigured() throws IOException {
        assertThat(BackupSettings.schedule(config("{}"), Map.of())).isEmpty();
        assertThat(BackupSettings.schedule(config("{\"database\":{\"backup\":{\"intervalMinutes\":5}}}"), Map.of())).isEmpty();
        assertThat(BackupSettings.schedule(config("{\"database\":{\"backup\":{\"enabled\":false}}}"),
                Map.of(BackupSettings.ENABLED, "false"))).isEmpty();
    }

    @Test
    void theDocumentedSnippetStartsNothingWhenBackupsAreOff() {
        Map<String, String> env = Map.of("PAPERCLIP_HOME", dir.toString(), "HOME", dir.toString());
        assertThat(ScheduledBackupsExample.start("postgres://u@127.0.0.1:1/db", env)).isEmpty();
        Map<String, String> on = Map.of("PAPERCLIP_HOME", dir.toString(), "HOME", dir.toString(),
                BackupSettings.ENABLED, "true");
        BackupScheduler scheduler = ScheduledBackupsExample.start("postgres://u@127.0.0.1:1/db", on).orElseThrow();
        try {
            BackupHealth health = scheduler.health();
            assertThat(health.directory()).isEqualTo(InstanceHome.of(dir, "default").defaultBackupDirectory());
            assertThat(health.nextRun()).as("one interval after start").isPresent();
            assertThat(health.stale()).isTrue();
        } finally {
            scheduler.close();
        }
    }

    @Test
    void configJsonKeys() throws IOException {
        BackupSchedule s = BackupSettings.schedule(config("{\"database\":{\"backup\":{\"enabled\":true,"
                + "\"intervalMinutes\":30,\"deadlineMinutes\":10,\"retentionDays\":3,\"weeklyWeeks\":2,\"monthlyMonths\":6,"
                + "\"maxTotalBytes\":1000000,\"minFreeBytes\":5000,\"verify\":true,\"verifyEvery\":4}}}"), Map.of()).orElseThrow();
        assertThat(s.interval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(s.deadline()).isEqualTo(Duration.ofMinutes(10));
        assertThat(s.retention()).isEqualTo(new RetentionPolicy(3, 2, 6, 1_000_000));
        assertThat(s.minFreeBytes()).isEqualTo(5000);
        assertThat(s.verifyEvery()).isEqualTo(4);
    }

    @Test
    void defaultsWhenOnlyEnabled() throws IOException {
        BackupSchedule s = BackupSettings.schedule(config("{\"database\":{\"backup\":{\"enabled\":true}}}"), Map.of())
                .orElseThrow();
        assertThat(s.interval()).isEqualTo(Duration.ofMinutes(60));
        assertThat(s.deadline()).as("a run never outlasts its interval").isEqualTo(Duration.ofMinutes(60));
        assertThat(s.retention()).isEqualTo(RetentionPolicy.DEFAULT);
        assertThat(s.minFreeBytes()).as("the default rule").isZero();
        assertThat(s.verifyEvery()).isZero();
    }

    @Test
    void environmentVariablesWinOverTheFile() throws IOException {
        BackupSchedule s = BackupSettings.schedule(config("{\"database\":{\"backup\":{\"intervalMinutes\":30}}}"),
                Map.of(BackupSettings.ENABLED, "true", BackupSettings.INTERVAL_MINUTES, "15",
                        BackupSettings.DAILY_DAYS, "2", BackupSettings.VERIFY, "1")).orElseThrow();
        assertThat(s.interval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(s.retention().dailyDays()).isEqualTo(2);
        assertThat(s.verifyEvery()).isEqualTo(1);
        InstanceHome home = InstanceHome.of(dir, "default");
        assertThat(BackupSettings.directory(config("{}"), home, Map.of(BackupSettings.DIR, "/srv/backups")))
                .isEqualTo(Path.of("/srv/backups"));
        assertThat(BackupSettings.directory(config("{}"), home, Map.of())).isEqualTo(home.defaultBackupDirectory());
    }

    @Test
    void badValuesNameTheirSetting() throws IOException {
        PaperclipConfig on = config("{\"database\":{\"backup\":{\"enabled\":true}}}");
        assertThatThrownBy(() -> BackupSettings.schedule(on, Map.of(BackupSettings.MAX_TOTAL_BYTES, "10GB")))
                .hasMessageContaining(BackupSettings.MAX_TOTAL_BYTES).hasMessageContaining("10GB");
        assertThatThrownBy(() -> BackupSettings.schedule(on, Map.of(BackupSettings.ENABLED, "yes")))
                .hasMessageContaining(BackupSettings.ENABLED);
        assertThatThrownBy(() -> BackupSettings.schedule(on, Map.of(BackupSettings.DEADLINE_MINUTES, "90")))
                .hasMessageContaining("deadline").hasMessageContaining("at most the interval");
        assertThatThrownBy(() -> config("{\"database\":{\"backup\":{\"weeklyWeeks\":-1}}}"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("database.backup.weeklyWeeks");
        assertThatThrownBy(() -> config("{\"database\":{\"backup\":{\"verify\":\"yes\"}}}"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("database.backup.verify");
    }

    @Test
    void reportInGivesHealthTheScheduledBackupsOnlyWhenTheyAreOn() {
        Map<String, String> off = Map.of("PAPERCLIP_HOME", dir.toString(), "HOME", dir.toString());
        assertThat(BackupSettings.reportIn(ai.paperclip.db.PaperclipDbOptions.builder(), off).build().backupDirectory())
                .isEmpty();
        Map<String, String> on = Map.of("PAPERCLIP_HOME", dir.toString(), "HOME", dir.toString(),
                BackupSettings.ENABLED, "true", BackupSettings.INTERVAL_MINUTES, "15");
        ai.paperclip.db.PaperclipDbOptions options = BackupSettings.reportIn(ai.paperclip.db.PaperclipDbOptions.builder(), on)
                .build();
        assertThat(options.backupDirectory()).contains(InstanceHome.of(dir, "default").defaultBackupDirectory());
        assertThat(options.backupInterval()).isEqualTo(Duration.ofMinutes(15));
        // No home at all: the variables alone, and then the directory must be one of them.
        Map<String, String> variablesOnly = Map.of(BackupSettings.ENABLED, "1", BackupSettings.DIR, dir.toString());
        assertThat(BackupSettings.reportIn(ai.paperclip.db.PaperclipDbOptions.builder(), variablesOnly).build()
                .backupDirectory()).contains(dir.toAbsolutePath().normalize());
        assertThatThrownBy(() -> BackupSettings.reportIn(ai.paperclip.db.PaperclipDbOptions.builder(),
                Map.of(BackupSettings.ENABLED, "true"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(BackupSettings.DIR).hasMessageContaining("PAPERCLIP_HOME");
        assertThat(BackupSettings.reportIn(ai.paperclip.db.PaperclipDbOptions.builder(), Map.of()).build()
                .backupDirectory()).as("no home, no variables: off").isEmpty();
    }
}
