package ai.paperclip.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.paperclip.embedded.InstanceHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code PAPERCLIP_EMBEDDED_POSTGRES=false} (or {@code embeddedPostgres(false)}): a deployment whose
 * {@code DATABASE_URL} went missing fails naming the variable instead of starting an empty embedded
 * database in the home directory. Nothing is started and no instance directory is created.
 */
class ProductionGuardTest {

    @TempDir
    Path home;

    @Test
    void noUrlWithTheGuardOnIsAnErrorNamingDatabaseUrl() {
        assertThatThrownBy(() -> DatabaseTarget.resolve(env("PAPERCLIP_EMBEDDED_POSTGRES", "false")))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining("DATABASE_URL")
                .hasMessageContaining("PAPERCLIP_EMBEDDED_POSTGRES=false");
        assertThat(home.resolve("instances")).doesNotExist();
    }

    @Test
    void theGuardInTheInstanceDotEnvCountsToo() throws IOException {
        Path instance = Files.createDirectories(home.resolve("instances/default"));
        Files.writeString(instance.resolve(".env"), "PAPERCLIP_EMBEDDED_POSTGRES=0\n");

        assertThatThrownBy(() -> DatabaseTarget.resolve(env())).hasMessageContaining("DATABASE_URL");
        assertThat(instance.resolve("db")).doesNotExist();
    }

    @Test
    void aUrlSatisfiesTheGuard() {
        DatabaseTarget target = DatabaseTarget.resolve(env("PAPERCLIP_EMBEDDED_POSTGRES", "false",
                "DATABASE_URL", "postgres://app:pw@db.example.com/paperclip"));

        assertThat(target.url()).contains("postgres://app:pw@db.example.com/paperclip");
    }

    @Test
    void anInvalidValueNamesTheVariable() {
        assertThatThrownBy(() -> DatabaseTarget.resolve(env("PAPERCLIP_EMBEDDED_POSTGRES", "no")))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining("PAPERCLIP_EMBEDDED_POSTGRES='no' is not one of true, false, 1, 0");
    }

    @Test
    void unsetOrTrueKeepsTheEmbeddedDefault() {
        assertThat(DatabaseTarget.resolve(env()).embedded()).isPresent();
        assertThat(DatabaseTarget.resolve(env("PAPERCLIP_EMBEDDED_POSTGRES", "true")).embedded()).isPresent();
        assertThat(PaperclipDbOptions.defaults().embeddedPostgres()).isTrue();
    }

    @Test
    void theBuilderOptionRefusesAnEmbeddedTargetBeforeStartingAnything() {
        InstanceHome instance = InstanceHome.of(home, "prod");
        PaperclipDbOptions options = PaperclipDbOptions.builder().embeddedPostgres(false).build();

        assertThatThrownBy(() -> PaperclipDb.create(DatabaseTarget.embedded(instance), options))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining("DATABASE_URL")
                .hasMessageContaining("embeddedPostgres(false)");
        assertThat(instance.instanceDirectory()).doesNotExist();
        assertThat(PaperclipDbOptions.fromEnvironment(Map.of("PAPERCLIP_EMBEDDED_POSTGRES", "false")).embeddedPostgres())
                .isFalse();
    }

    private Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>(Map.of("PAPERCLIP_HOME", home.toString()));
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }
}
