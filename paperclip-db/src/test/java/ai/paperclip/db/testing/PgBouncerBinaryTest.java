package ai.paperclip.db.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the pooler tests find {@code pgbouncer}: never at a fixed path, and a failure that says how to install it. */
class PgBouncerBinaryTest {

    @TempDir
    Path directory;

    @Test
    void findsTheFirstExecutablePgbouncerOnPath() throws Exception {
        Path first = Files.createDirectories(directory.resolve("first"));
        Path second = Files.createDirectories(directory.resolve("second"));
        Files.writeString(first.resolve("pgbouncer"), "not executable");
        Path program = executable(second.resolve("pgbouncer"));

        Path found = PgBouncerBinary.locate(Map.of("PATH", first + File.pathSeparator + second), false);

        assertThat(found).isEqualTo(program);
    }

    @Test
    void theVariableWinsOverPath() throws Exception {
        Path onPath = executable(Files.createDirectories(directory.resolve("bin")).resolve("pgbouncer"));
        Path chosen = executable(directory.resolve("my-pgbouncer"));

        Path found = PgBouncerBinary.locate(Map.of("PATH", onPath.getParent().toString(),
                PgBouncerBinary.ENV_VARIABLE, chosen.toString()), false);

        assertThat(found).isEqualTo(chosen);
    }

    @Test
    void aVariableNamingNoExecutableIsRefusedByName() {
        Path nothing = directory.resolve("nothing-here");

        assertThatThrownBy(() -> PgBouncerBinary.locate(Map.of(PgBouncerBinary.ENV_VARIABLE, nothing.toString()), false))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith(PgBouncerBinary.ENV_VARIABLE + "=" + nothing + " is not an executable file");
    }

    @Test
    void whenMissingTheErrorSaysWhatToInstallAndHow() {
        String path = directory.toString();

        assertThatThrownBy(() -> PgBouncerBinary.locate(Map.of("PATH", path), false))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("PgBouncer is not installed")
                .hasMessageContaining("sudo apt-get install -y pgbouncer")
                .hasMessageContaining("brew install pgbouncer")
                .hasMessageContaining("set " + PgBouncerBinary.ENV_VARIABLE + " to the pgbouncer executable")
                .hasMessageContaining("Looked on PATH (" + path + ")");
    }

    private static Path executable(Path file) throws Exception {
        Files.writeString(file, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
