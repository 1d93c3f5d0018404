package ai.paperclip.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaperclipConfigTest {

    @TempDir
    Path tmp;

    @Test
    void aPartialFileWorksAndEverythingElseTakesItsDefault() throws Exception {
        Path file = write("{\"database\":{\"embeddedPostgresPort\":54330}}");
        PaperclipConfig config = PaperclipConfig.read(file);
        InstanceHome home = InstanceHome.of(tmp, "default");

        assertThat(config.embeddedPostgresPort()).isEqualTo(54330);
        assertThat(config.databaseMode()).isEqualTo(PaperclipConfig.DatabaseMode.EMBEDDED_POSTGRES);
        assertThat(config.connectionString()).isEmpty();
        assertThat(config.embeddedPostgresDataDir(home, null)).isEqualTo(home.defaultDataDirectory());
        assertThat(config.backupEnabled()).isTrue();
        assertThat(config.backupIntervalMinutes()).isEqualTo(60);
        assertThat(config.backupRetentionDays()).isEqualTo(7);
        assertThat(config.backupDir(home, null)).isEqualTo(tmp.toAbsolutePath().resolve("instances/default/data/backups"));
    }

    @Test
    void anAbsentFileGivesTheDefaults() {
        PaperclipConfig config = PaperclipConfig.read(tmp.resolve("missing.json"));

        assertThat(config.embeddedPostgresPort()).isEqualTo(54329);
        assertThat(config.databaseMode()).isEqualTo(PaperclipConfig.DatabaseMode.EMBEDDED_POSTGRES);
    }

    @Test
    void readsEveryDatabaseKeyWithATildeExpandedFromTheGivenHome() throws Exception {
        Path file = write("""
                {"database": {"mode": "postgres", "connectionString": "postgres://u@h/db",
                  "embeddedPostgresDataDir": "~/pg", "backup": {"enabled": false, "intervalMinutes": 30,
                  "retentionDays": 3, "dir": "/backups"}}}""");
        PaperclipConfig config = PaperclipConfig.read(file);
        InstanceHome home = InstanceHome.of(tmp, "default");

        assertThat(config.databaseMode()).isEqualTo(PaperclipConfig.DatabaseMode.POSTGRES);
        assertThat(config.connectionString()).contains("postgres://u@h/db");
        assertThat(config.embeddedPostgresDataDir(home, "/home/ann")).isEqualTo(Path.of("/home/ann/pg"));
        assertThat(config.backupEnabled()).isFalse();
        assertThat(config.backupIntervalMinutes()).isEqualTo(30);
        assertThat(config.backupRetentionDays()).isEqualTo(3);
        assertThat(config.backupDir(home, null)).isEqualTo(Path.of("/backups"));
    }

    @Test
    void unknownKeysAreKeptWhenTheFileIsRewritten() throws Exception {
        Path file = write("{\"server\":{\"port\":3100},\"database\":{\"embeddedPostgresPort\":54330,\"future\":[1,2]}}");

        PaperclipConfig.read(file).with("database.embeddedPostgresPort", 54331).write(file);

        PaperclipConfig reread = PaperclipConfig.read(file);
        assertThat(reread.embeddedPostgresPort()).isEqualTo(54331);
        assertThat(reread.toJson()).contains("\"server\":{\"port\":3100}").contains("\"future\":[1,2]");
    }

    @Test
    void aMalformedFileIsAnErrorNamingTheFileTheLineAndTheKeyAndTheFileIsNotReplaced() throws Exception {
        String text = "{\n  \"database\": {\n    \"embeddedPostgresPort\": 54330,\n    \"mode\": embedded\n  }\n}\n";
        Path file = write(text);

        assertThatThrownBy(() -> PaperclipConfig.read(file))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line 4")
                .hasMessageContaining("key database.mode")
                .hasMessageContaining("never rewritten");
        assertThat(Files.readString(file)).isEqualTo(text);
    }

    @Test
    void anOutOfRangePortIsAnErrorNamingTheLineAndTheKey() throws Exception {
        Path file = write("{\n\"database\": {\n\"embeddedPostgresPort\": 70000}}");

        assertThatThrownBy(() -> PaperclipConfig.read(file))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(file + " line 3: key database.embeddedPostgresPort must be a whole number from 1 to 65535, found 70000");
    }

    @Test
    void anUnknownModeIsAnError() throws Exception {
        Path file = write("{\"database\": {\"mode\": \"sqlite\"}}");

        assertThatThrownBy(() -> PaperclipConfig.read(file))
                .hasMessageContaining("key database.mode must be \"embedded-postgres\" or \"postgres\"");
    }

    @Test
    void aTopLevelThatIsNotAnObjectIsAnError() throws Exception {
        Path file = write("[1, 2]");

        assertThatThrownBy(() -> PaperclipConfig.read(file)).hasMessageContaining("must be a JSON object");
    }

    @Test
    void theConnectionStringIsNotShownByToString() throws Exception {
        Path file = write("{\"database\":{\"mode\":\"postgres\",\"connectionString\":\"postgres://u:hunter2@h/db\"}}");

        assertThat(PaperclipConfig.read(file).toString()).doesNotContain("hunter2");
    }

    private Path write(String json) throws Exception {
        Path file = tmp.resolve("config.json");
        Files.writeString(file, json);
        return file;
    }

    @Test
    void aMalformedFileDoesNotQuoteAnUnquotedConnectionString() throws Exception {
        Path file = tmp.resolve("config.json");
        Files.writeString(file, "{\"database\":{\"connectionString\": postgresSecret9x://app:pw@h/db}}");

        assertThatThrownBy(() -> PaperclipConfig.read(file))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("malformed JSON")
                .hasMessageNotContaining("Secret9x");
    }

    @Test
    void aConfigFileLargerThanTheCapIsAnErrorNamingTheFile() throws Exception {
        Path file = tmp.resolve("config.json");
        Files.write(file, new byte[ai.paperclip.embedded.internal.ConfigJson.MAX_BYTES + 1]);

        assertThatThrownBy(() -> PaperclipConfig.read(file))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(file + " is larger than");
    }
}
