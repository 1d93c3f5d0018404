package ai.paperclip.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotEnvFileTest {

    @TempDir
    Path tmp;

    @Test
    void readsKeyValueLinesWithExportCommentsAndQuotes() throws Exception {
        Path file = tmp.resolve(".env");
        Files.writeString(file, """
                # the instance's variables
                DATABASE_URL=postgres://u:p@h:5432/db
                export PAPERCLIP_MIGRATION_PROMPT = never
                QUOTED="a b # not a comment"
                SINGLE='x=y'
                INLINE=value # a comment

                EMPTY=
                """);

        assertThat(DotEnvFile.read(file)).containsExactly(
                Map.entry("DATABASE_URL", "postgres://u:p@h:5432/db"),
                Map.entry("PAPERCLIP_MIGRATION_PROMPT", "never"),
                Map.entry("QUOTED", "a b # not a comment"),
                Map.entry("SINGLE", "x=y"),
                Map.entry("INLINE", "value"),
                Map.entry("EMPTY", ""));
    }

    @Test
    void neverOverridesAVariableThatIsAlreadySetEvenToAnEmptyString() throws Exception {
        Path file = tmp.resolve(".env");
        Files.writeString(file, "DATABASE_URL=postgres://from-file\nA=from-file\nB=from-file\n");

        Map<String, String> env = DotEnvFile.overlay(Map.of("DATABASE_URL", "postgres://from-env", "A", ""), file);

        assertThat(env).containsEntry("DATABASE_URL", "postgres://from-env")
                .containsEntry("A", "")
                .containsEntry("B", "from-file");
    }

    @Test
    void anAbsentFileAddsNothing() {
        assertThat(DotEnvFile.overlay(Map.of("X", "1"), tmp.resolve("none"))).containsExactly(Map.entry("X", "1"));
    }

    @Test
    void aLineThatIsNotKeyValueIsAnErrorThatDoesNotEchoTheLine() throws Exception {
        Path file = tmp.resolve(".env");
        Files.writeString(file, "A=1\nthis is secret-ish junk\n");

        assertThatThrownBy(() -> DotEnvFile.read(file))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(file + " line 2 is not KEY=value. Fix or remove that line.");
    }

    @Test
    void readsQuotedValuesWithCommentsEscapesAndLinesAsDotenvDoes() throws Exception {
        Path file = tmp.resolve(".env");
        Files.writeString(file, "DATABASE_URL=\"postgres://u:p@h/db\" # the database\n"
                + "SINGLE='x # kept' # comment\n"
                + "LITERAL='a\\nb'\n"
                + "EXPANDED=\"a\\nb\\rc\"\n"
                + "BACK=`x \"y\" 'z'`\n"
                + "MULTI=\"line one\nline two\"\n"
                + "HASH=pa#ss\n"
                + "TRAILING=  spaced   \n"
                + "WINDOWS=crlf\r\n"
                + "AFTER=1\n");

        assertThat(DotEnvFile.read(file)).containsExactly(
                Map.entry("DATABASE_URL", "postgres://u:p@h/db"),
                Map.entry("SINGLE", "x # kept"),
                Map.entry("LITERAL", "a\\nb"),
                Map.entry("EXPANDED", "a\nb\rc"),
                Map.entry("BACK", "x \"y\" 'z'"),
                Map.entry("MULTI", "line one\nline two"),
                Map.entry("HASH", "pa#ss"),
                Map.entry("TRAILING", "spaced"),
                Map.entry("WINDOWS", "crlf"),
                Map.entry("AFTER", "1"));
    }

    @Test
    void aFileLargerThanTheCapIsAnErrorNamingTheFileAndIsNotRead() throws Exception {
        Path file = tmp.resolve(".env");
        Files.write(file, new byte[DotEnvFile.MAX_BYTES + 1]);

        assertThatThrownBy(() -> DotEnvFile.read(file))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(file + " is larger than " + DotEnvFile.MAX_BYTES + " bytes, more than a .env file can hold;"
                        + " it was not read. Check that the path names the right file.");
    }

    @Test
    void aDeviceSuchAsDevZeroIsAnErrorNotAnEndlessRead() throws Exception {
        Path config = Files.writeString(tmp.resolve("config.json"), "{}");
        Path env = tmp.resolve(".env");
        Files.createSymbolicLink(env, Path.of("/dev/zero"));

        assertThatThrownBy(() -> DotEnvFile.read(env))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(env + " is not a regular file");
        assertThatThrownBy(() -> DotEnvFile.overlay(Map.of(), InstanceHome.fromEnvironment(
                Map.of("HOME", "/h", "PAPERCLIP_CONFIG", config.toString())).envFile()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(env.toString());
    }

    @Test
    void aLineThatIsNotKeyValueAfterAMultiLineValueIsNamedByItsOwnLineNumber() throws Exception {
        Path file = tmp.resolve(".env");
        Files.writeString(file, "A=\"one\ntwo\"\nB=2\nnot secret-ish\n");

        assertThatThrownBy(() -> DotEnvFile.read(file))
                .hasMessage(file + " line 4 is not KEY=value. Fix or remove that line.");
    }
}
