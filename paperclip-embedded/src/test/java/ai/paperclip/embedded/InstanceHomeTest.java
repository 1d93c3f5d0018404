package ai.paperclip.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstanceHomeTest {

    @Test
    void defaultsToDotPaperclipUnderHomeAndTheDefaultInstance() {
        InstanceHome home = InstanceHome.fromEnvironment(Map.of("HOME", "/home/ann"));

        assertThat(home.home()).isEqualTo(Path.of("/home/ann/.paperclip"));
        assertThat(home.instanceId()).isEqualTo("default");
        assertThat(home.configFile()).isEqualTo(Path.of("/home/ann/.paperclip/instances/default/config.json"));
        assertThat(home.envFile()).isEqualTo(Path.of("/home/ann/.paperclip/instances/default/.env"));
        assertThat(home.defaultDataDirectory()).isEqualTo(Path.of("/home/ann/.paperclip/instances/default/db"));
        assertThat(home.defaultBackupDirectory()).isEqualTo(Path.of("/home/ann/.paperclip/instances/default/data/backups"));
        assertThat(home.secretsDirectory()).isEqualTo(Path.of("/home/ann/.paperclip/instances/default/secrets"));
        assertThat(home.logsDirectory()).isEqualTo(Path.of("/home/ann/.paperclip/instances/default/logs"));
    }

    @TempDir
    Path tmp;

    @Test
    void readsHomeInstanceAndConfigOverrideExpandingALeadingTilde() throws Exception {
        Path config = Files.writeString(tmp.resolve("config.json"), "{}");
        InstanceHome home = InstanceHome.fromEnvironment(Map.of("HOME", "/home/ann", "PAPERCLIP_HOME", "~/pc",
                "PAPERCLIP_INSTANCE_ID", "team-2_b", "PAPERCLIP_CONFIG", config.toString()));

        assertThat(home.home()).isEqualTo(Path.of("/home/ann/pc"));
        assertThat(home.instanceDirectory()).isEqualTo(Path.of("/home/ann/pc/instances/team-2_b"));
        assertThat(home.configFile()).isEqualTo(config);
        assertThat(home.envFile()).isEqualTo(tmp.resolve(".env"));
    }

    @Test
    void aPaperclipConfigNamingAMissingFileIsAnErrorNotTheDefaults() {
        Path missing = tmp.resolve("typo/config.json");

        assertThatThrownBy(() -> InstanceHome.fromEnvironment(Map.of("HOME", "/h", "PAPERCLIP_CONFIG", missing.toString())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("PAPERCLIP_CONFIG names " + missing + ", which does not exist. Fix the path, create the"
                        + " file (it may hold just {}), or unset PAPERCLIP_CONFIG to use the instance's config.json.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PAPERCLIP_HOME", "PAPERCLIP_CONFIG", "HOME"})
    void aPathWithAnUnexpandedVariableIsAnErrorNamingTheVariable(String variable) {
        Map<String, String> env = new HashMap<>(Map.of("HOME", "/h"));
        env.put(variable, "$HOME/.paperclip");

        assertThatThrownBy(() -> InstanceHome.fromEnvironment(env))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(variable + " contains '$' ($HOME/.paperclip): a shell variable that was not expanded.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PAPERCLIP_HOME", "PAPERCLIP_CONFIG", "HOME"})
    void aPathOverTheLengthLimitIsAnErrorNamingTheVariable(String variable) {
        Map<String, String> env = new HashMap<>(Map.of("HOME", "/h"));
        env.put(variable, "/" + "d/".repeat(InstanceHome.MAX_PATH_LENGTH / 2));

        assertThatThrownBy(() -> InstanceHome.fromEnvironment(env))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(variable + " is " + (InstanceHome.MAX_PATH_LENGTH + 1) + " characters long, more than the "
                        + InstanceHome.MAX_PATH_LENGTH + " allowed; choose a shorter path.");
        env.put(variable, "/" + "d".repeat(InstanceHome.MAX_PATH_LENGTH - 1));
        if (!variable.equals("PAPERCLIP_CONFIG")) {
            assertThat(InstanceHome.fromEnvironment(env).home().toString()).startsWith("/ddd");
        }
    }

    @Test
    void emptyVariablesCountAsUnset() {
        InstanceHome home = InstanceHome.fromEnvironment(Map.of("HOME", "/h", "PAPERCLIP_HOME", "",
                "PAPERCLIP_INSTANCE_ID", ""));

        assertThat(home.home()).isEqualTo(Path.of("/h/.paperclip"));
        assertThat(home.instanceId()).isEqualTo("default");
    }

    @Test
    void anInvalidInstanceIdIsAClearError() {
        assertThatThrownBy(() -> InstanceHome.fromEnvironment(Map.of("HOME", "/h", "PAPERCLIP_INSTANCE_ID", "../etc")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Invalid instance id '../etc': PAPERCLIP_INSTANCE_ID must match ^[a-zA-Z0-9_-]+$"
                        + " (letters, digits, '_' and '-'). Choose another id, for example 'default'.");
    }

    @Test
    void withoutPaperclipHomeOrHomeItSaysWhatToSet() {
        assertThatThrownBy(() -> InstanceHome.fromEnvironment(Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Set PAPERCLIP_HOME");
    }
}
