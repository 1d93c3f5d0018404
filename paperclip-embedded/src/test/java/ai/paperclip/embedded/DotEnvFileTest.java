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
}
