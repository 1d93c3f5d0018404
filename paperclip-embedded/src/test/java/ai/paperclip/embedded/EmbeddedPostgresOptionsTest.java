package ai.paperclip.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresOptionsTest {

    @TempDir
    Path tmp;

    @Test
    void takesPortAndDataDirectoryFromConfigJsonAndDefaultsTheRestUnderTheInstance() throws Exception {
        InstanceHome home = InstanceHome.of(tmp, "default");
        Files.createDirectories(home.instanceDirectory());
        Files.writeString(home.configFile(), "{\"database\":{\"embeddedPostgresPort\":54400}}");

        EmbeddedPostgresOptions options = EmbeddedPostgres.builder().instanceHome(home).build();

        assertThat(options.port()).isEqualTo(54400);
        assertThat(options.portSetting()).isEqualTo("database.embeddedPostgresPort = 54400 in " + home.configFile());
        assertThat(options.lastPort()).isEqualTo(54409);
        assertThat(options.dataDirectory()).isEqualTo(home.defaultDataDirectory());
        assertThat(options.logFile()).isEqualTo(home.logsDirectory().resolve("embedded-postgres.log"));
        assertThat(options.cacheDirectory()).isEqualTo(home.cacheDirectory());
        assertThat(options.databaseName()).isEqualTo("paperclip");
        assertThat(options.superuser()).isEqualTo("paperclip");
    }

    @Test
    void theDefaultPortIs54329AndExplicitSettingsWin() {
        InstanceHome home = InstanceHome.of(tmp, "default");

        assertThat(EmbeddedPostgres.builder().instanceHome(home).build().port()).isEqualTo(54329);
        EmbeddedPostgresOptions options = EmbeddedPostgres.builder().instanceHome(home).port(40000)
                .dataDirectory(tmp.resolve("elsewhere")).build();
        assertThat(options.port()).isEqualTo(40000);
        assertThat(options.dataDirectory()).isEqualTo(tmp.resolve("elsewhere").toAbsolutePath());
    }

    @Test
    void aMalformedConfigJsonStopsTheStartBeforeAnythingRunsAndIsLeftAsItIs() throws Exception {
        InstanceHome home = InstanceHome.fromEnvironment(Map.of("PAPERCLIP_HOME", tmp.toString()));
        Files.createDirectories(home.instanceDirectory());
        Files.writeString(home.configFile(), "{\"database\": {\"embeddedPostgresPort\": }");

        assertThatThrownBy(() -> EmbeddedPostgres.builder().instanceHome(home).start())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(home.configFile() + " line 1")
                .hasMessageContaining("key database.embeddedPostgresPort");
        assertThat(Files.readString(home.configFile())).isEqualTo("{\"database\": {\"embeddedPostgresPort\": }");
        assertThat(home.defaultDataDirectory()).doesNotExist();
    }

    @Test
    void optionsAreValidatedOnceWithMessagesNamingTheOption() {
        assertThatThrownBy(() -> EmbeddedPostgres.builder().build()).hasMessageContaining("instanceHome");
        assertThatThrownBy(() -> EmbeddedPostgres.builder().dataDirectory(tmp).portAttempts(0).build())
                .hasMessage("portAttempts must be from 1 to 1000, found 0");
        assertThatThrownBy(() -> EmbeddedPostgres.builder().dataDirectory(tmp).port(70000).build())
                .hasMessage("port must be from 1 to 65535, found 70000 (port(70000) of the builder)");
        assertThatThrownBy(() -> EmbeddedPostgres.builder().dataDirectory(tmp).databaseName("a;b").build())
                .hasMessageContaining("databaseName must be a plain identifier");
        assertThatThrownBy(() -> EmbeddedPostgres.builder().serverSetting("port", "1"))
                .hasMessageContaining("serverSetting name 'port' is not allowed");
        assertThatThrownBy(() -> EmbeddedPostgres.builder().serverSetting("work_mem", "1; rm -rf /"))
                .hasMessageContaining("unsupported value");
    }

    @Test
    void optionsToStringMasksThePassword() {
        EmbeddedPostgresOptions options = EmbeddedPostgres.builder().dataDirectory(tmp)
                .credentials("owner", "s3cret-value").build();

        assertThat(options.toString()).contains("password=****").doesNotContain("s3cret-value");
    }

    private EmbeddedPostgresOptions direct(Path data, int port, int attempts, Duration timeout, String user, String password,
            Map<String, String> settings) {
        return new EmbeddedPostgresOptions(data, port, null, attempts, PostgresBinaries.bundled(), tmp.resolve("cache"),
                tmp.resolve("pg.log"), timeout, false, true, "paperclip", user, password, settings);
    }

    @Test
    void theConstructorValidatesAsTheBuilderDoesSoNoOptionsSkipTheChecks() {
        Path data = tmp.resolve("data");
        Duration timeout = EmbeddedPostgresOptions.DEFAULT_START_TIMEOUT;
        EmbeddedPostgresOptions ok = direct(tmp.resolve("x/../data"), 5432, 1, timeout, "app", "pw", Map.of("fsync", "off"));
        assertThat(ok.dataDirectory()).isEqualTo(data.toAbsolutePath().normalize());
        assertThat(ok.portSetting()).isEqualTo("port 5432");
        assertThat(ok.serverSettings()).containsExactly(Map.entry("fsync", "off"));

        assertThatThrownBy(() -> direct(data, 0, 1, timeout, "app", "pw", Map.of()))
                .isInstanceOf(ConfigurationException.class).hasMessage("port must be from 1 to 65535, found 0");
        assertThatThrownBy(() -> direct(data, 5432, 1001, timeout, "app", "pw", Map.of()))
                .isInstanceOf(ConfigurationException.class).hasMessage("portAttempts must be from 1 to 1000, found 1001");
        assertThatThrownBy(() -> direct(data, 5432, 1, Duration.ofMillis(10), "app", "pw", Map.of()))
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("startTimeout cannot be less than 1 s");
        assertThatThrownBy(() -> direct(data, 5432, 1, timeout, "app; drop", "pw", Map.of()))
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("superuser must be a plain identifier");
        assertThatThrownBy(() -> direct(data, 5432, 1, timeout, "app", "two\nlines", Map.of()))
                .isInstanceOf(ConfigurationException.class).hasMessage("password must be non-empty and on one line");
        assertThatThrownBy(() -> direct(data, 5432, 1, timeout, "app", "pw", Map.of("port", "1")))
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("serverSetting name 'port' is not allowed");
        assertThatThrownBy(() -> direct(data, 5432, 1, timeout, "app", "pw", Map.of("work_mem", "1MB'; rm")))
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("serverSetting work_mem has an unsupported value");
        assertThatThrownBy(() -> direct(Path.of("/"), 5432, 1, timeout, "app", "pw", Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("dataDirectory / is the root of the file system: the data directory must be a directory of"
                        + " its own, since reset deletes it whole. Choose a new directory for it.");
        assertThatThrownBy(() -> direct(Path.of(System.getProperty("user.home")), 5432, 1, timeout, "app", "pw", Map.of()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("is your home directory");
    }
}
