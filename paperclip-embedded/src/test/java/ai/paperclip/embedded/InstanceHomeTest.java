package ai.paperclip.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

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

    @Test
    void readsHomeInstanceAndConfigOverrideExpandingALeadingTilde() {
        InstanceHome home = InstanceHome.fromEnvironment(Map.of("HOME", "/home/ann", "PAPERCLIP_HOME", "~/pc",
                "PAPERCLIP_INSTANCE_ID", "team-2_b", "PAPERCLIP_CONFIG", "/etc/paperclip/config.json"));

        assertThat(home.home()).isEqualTo(Path.of("/home/ann/pc"));
        assertThat(home.instanceDirectory()).isEqualTo(Path.of("/home/ann/pc/instances/team-2_b"));
        assertThat(home.configFile()).isEqualTo(Path.of("/etc/paperclip/config.json"));
        assertThat(home.envFile()).isEqualTo(Path.of("/etc/paperclip/.env"));
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
