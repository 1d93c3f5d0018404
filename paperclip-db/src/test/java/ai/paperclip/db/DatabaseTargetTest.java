package ai.paperclip.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.paperclip.embedded.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTargetTest {

    @TempDir
    Path home;

    Path instance;

    @BeforeEach
    void layout() throws IOException {
        instance = Files.createDirectories(home.resolve("instances/default"));
    }

    private Map<String, String> env(String... pairs) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("PAPERCLIP_HOME", home.toString()));
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private void write(String file, String content) throws IOException {
        Files.writeString(instance.resolve(file), content);
    }

    @Test
    void databaseUrlInTheEnvironmentWinsOverDotEnvAndConfigJson() throws IOException {
        write(".env", "DATABASE_URL=postgres://dotenv:pw@dotenv-host/db\n");
        write("config.json", "{\"database\":{\"mode\":\"postgres\",\"connectionString\":\"postgres://cfg@cfg-host/db\"}}");

        DatabaseTarget target = DatabaseTarget.resolve(env("DATABASE_URL", "postgres://env:secret@env-host/db"));

        assertThat(target.url()).contains("postgres://env:secret@env-host/db");
        assertThat(target.describe()).isEqualTo("DATABASE_URL (environment): postgres://env:***@env-host/db");
    }

    @Test
    void dotEnvComesNextAndItsOtherVariablesReachTheOptions() throws IOException {
        write(".env", "DATABASE_URL=postgres://dotenv:pw@dotenv-host/db\nDATABASE_POOL_MAX=3\n");
        write("config.json", "{\"database\":{\"mode\":\"postgres\",\"connectionString\":\"postgres://cfg@cfg-host/db\"}}");

        DatabaseTarget target = DatabaseTarget.resolve(env());

        assertThat(target.url()).contains("postgres://dotenv:pw@dotenv-host/db");
        assertThat(target.describe()).startsWith("DATABASE_URL (" + instance.resolve(".env") + ")")
                .doesNotContain(":pw@");
        assertThat(PaperclipDbOptions.fromEnvironment(target.environment()).poolMax()).isEqualTo(3);
    }

    @Test
    void aVariableAlreadySetIsNeverOverriddenByDotEnv() throws IOException {
        write(".env", "DATABASE_POOL_MAX=3\n");

        DatabaseTarget target = DatabaseTarget.resolve(env("DATABASE_POOL_MAX", "7"));

        assertThat(target.environment()).containsEntry("DATABASE_POOL_MAX", "7");
    }

    @Test
    void configJsonConnectionStringIsUsedInPostgresMode() throws IOException {
        write("config.json", "{\"database\":{\"mode\":\"postgres\",\"connectionString\":\"postgres://cfg:pw@cfg-host/db\"}}");

        DatabaseTarget target = DatabaseTarget.resolve(env());

        assertThat(target.url()).contains("postgres://cfg:pw@cfg-host/db");
        assertThat(target.describe())
                .isEqualTo("database.connectionString (" + instance.resolve("config.json") + "): postgres://cfg:***@cfg-host/db");
    }

    @Test
    void postgresModeWithoutConnectionStringSaysWhatToAdd() throws IOException {
        write("config.json", "{\"database\":{\"mode\":\"postgres\"}}");

        assertThatThrownBy(() -> DatabaseTarget.resolve(env()))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining("database.connectionString is missing")
                .hasMessageContaining(instance.resolve("config.json").toString());
    }

    @Test
    void otherwiseTheInstancesEmbeddedServerWithThePortFromConfigJson() throws IOException {
        write("config.json", "{\"database\":{\"embeddedPostgresPort\":54330}}");

        DatabaseTarget target = DatabaseTarget.resolve(env());

        assertThat(target.url()).isEmpty();
        assertThat(target.embedded()).hasValueSatisfying(options -> {
            assertThat(options.port()).isEqualTo(54330);
            assertThat(options.dataDirectory()).isEqualTo(instance.resolve("db"));
        });
        assertThat(target.describe()).isEqualTo("embedded PostgreSQL (data " + instance.resolve("db") + ", port 54330)");
    }

    @Test
    void aMalformedConfigJsonIsAnErrorNamingTheFileAndIsLeftAsItWas() throws IOException {
        String broken = "{\"database\": {\"embeddedPostgresPort\": }}";
        write("config.json", broken);

        assertThatThrownBy(() -> DatabaseTarget.resolve(env()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(instance.resolve("config.json").toString())
                .hasMessageContaining("line 1");
        assertThat(Files.readString(instance.resolve("config.json"))).isEqualTo(broken);
    }

    @Test
    void anInvalidInstanceIdIsRefused() {
        assertThatThrownBy(() -> DatabaseTarget.resolve(env("PAPERCLIP_INSTANCE_ID", "../etc")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("PAPERCLIP_INSTANCE_ID must match");
    }
}
