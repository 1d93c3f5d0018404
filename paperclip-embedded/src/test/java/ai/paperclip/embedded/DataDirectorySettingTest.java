package ai.paperclip.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The data directory is deleted whole by reset, so the setting refuses, when read, every value that is or
 * contains the root, the home, the Paperclip home, the instance directory or the working directory.
 */
class DataDirectorySettingTest {

    @TempDir
    Path tmp;

    private InstanceHome instance() throws IOException {
        InstanceHome home = InstanceHome.of(tmp.resolve("paperclip"), "default");
        Files.createDirectories(home.instanceDirectory());
        return home;
    }

    private PaperclipConfig configWith(InstanceHome home, String value) {
        PaperclipConfig.defaults(home.configFile()).with("database.embeddedPostgresDataDir", value).write(home.configFile());
        return PaperclipConfig.read(home.configFile());
    }

    @ParameterizedTest
    @ValueSource(strings = {"~", "~/", "/", ".", "./", "..", "sub/..", "/home", "~/.."})
    void homeRootAndWorkingDirectoryValuesAreRefusedNamingTheFileTheKeyAndTheFix(String value) throws IOException {
        InstanceHome home = instance();
        PaperclipConfig config = configWith(home, value);

        assertThatThrownBy(() -> config.embeddedPostgresDataDir(home, "/home/ann"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(home.configFile() + " line 3: key database.embeddedPostgresDataDir is \"" + value
                        + "\", which ")
                .hasMessageContaining("reset deletes it whole")
                .hasMessageEndingWith("Set it to a new directory such as " + home.defaultDataDirectory()
                        + ", or remove the key for that default. Fix the file; it is never rewritten to get past an error.");
    }

    @Test
    void theInstanceDirectoryThePaperclipHomeAndTheirParentsAreRefusedWithTheReason() throws IOException {
        InstanceHome home = instance();
        assertThatThrownBy(() -> configWith(home, home.instanceDirectory().toString()).embeddedPostgresDataDir(home, null))
                .hasMessageContaining("which is the instance directory (" + home.instanceDirectory() + ")");
        assertThatThrownBy(() -> configWith(home, home.home().toString()).embeddedPostgresDataDir(home, null))
                .hasMessageContaining("which is the Paperclip home (" + home.home() + ")");
        assertThatThrownBy(() -> configWith(home, tmp.toString()).embeddedPostgresDataDir(home, null))
                .hasMessageContaining("which contains the Paperclip home (" + home.home() + ")");
        assertThatThrownBy(() -> configWith(home, "~").embeddedPostgresDataDir(home, "/home/ann"))
                .hasMessageContaining("which is your home directory (HOME) (/home/ann)");
        assertThatThrownBy(() -> configWith(home, "/").embeddedPostgresDataDir(home, "/home/ann"))
                .hasMessageContaining("which is the root of the file system");
    }

    @Test
    void aSymbolicLinkToTheHomeIsRefusedLikeTheHomeItself() throws IOException {
        InstanceHome home = instance();
        Path link = Files.createSymbolicLink(tmp.resolve("innocent-looking"), home.home());
        assertThatThrownBy(() -> configWith(home, link.toString()).embeddedPostgresDataDir(home, null))
                .hasMessageContaining("which is the Paperclip home");
    }

    @Test
    void aDirectoryOfItsOwnIsAccepted() throws IOException {
        InstanceHome home = instance();
        assertThat(configWith(home, "~/pg").embeddedPostgresDataDir(home, "/home/ann")).isEqualTo(Path.of("/home/ann/pg"));
        assertThat(configWith(home, tmp.resolve("pg").toString()).embeddedPostgresDataDir(home, null))
                .isEqualTo(tmp.resolve("pg"));
        assertThat(configWith(home, "sub/db").embeddedPostgresDataDir(home, null)).isEqualTo(Path.of("sub/db"));
    }

    @Test
    void theBuildersDataDirectoryFollowsTheSameRule() throws IOException {
        InstanceHome home = instance();
        assertThatThrownBy(() -> EmbeddedPostgres.builder().instanceHome(home).dataDirectory(Path.of(".")).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("dataDirectory(.) is the working directory (" + Path.of("").toAbsolutePath() + "): the data"
                        + " directory must be a directory of its own, since reset deletes it whole. Choose a new directory"
                        + " for it.");
        assertThatThrownBy(() -> EmbeddedPostgres.builder().dataDirectory(Path.of("/")).build())
                .hasMessageContaining("is the root of the file system");
        assertThatThrownBy(() -> EmbeddedPostgres.builder().instanceHome(home).dataDirectory(home.home()).build())
                .hasMessageContaining("is the Paperclip home");
    }
}
