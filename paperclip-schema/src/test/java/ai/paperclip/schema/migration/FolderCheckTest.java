package ai.paperclip.schema.migration;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.schema.lint.LintFinding;
import ai.paperclip.schema.lint.MigrationLint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FolderCheck}: the check decides before the lint, the lint decides a folder the check passes. */
class FolderCheckTest {

    private static final MigrationOptions OPTIONS = MigrationOptions.builder().generateCommand("GEN").build();

    @TempDir
    Path dir;

    @Test
    void passesAFolderThatIsCurrentAndSafe() {
        MigrationGenerator.generate(TestModels.v1(), dir, MigrationOptions.builder().name("init").build());

        FolderCheck gate = FolderCheck.run(TestModels.v1(), dir, OPTIONS);

        assertThat(gate.ok()).isTrue();
        assertThat(gate.lintFailed()).isFalse();
        assertThat(gate.check().ok()).isTrue();
        assertThat(gate.lint().ok()).isTrue();
    }

    @Test
    void theLintDecidesAnUnsafeHandWrittenMigrationAndTheCheckDecidesFirst() throws Exception {
        MigrationGenerator.generate(TestModels.v1(), dir, MigrationOptions.builder().name("init").build());
        MigrationGenerator.generate(TestModels.v1(), dir, MigrationOptions.builder().custom(true).name("backfill").build());
        Path custom = dir.resolve("0001_backfill.sql");
        Files.writeString(custom, Files.readString(custom).replace("SELECT 1;", "UPDATE companies SET name = upper(name);"));

        FolderCheck unsafe = FolderCheck.run(TestModels.v1(), dir, OPTIONS);
        assertThat(unsafe.check().ok()).isTrue();
        assertThat(unsafe.lintFailed()).isTrue();
        assertThat(unsafe.ok()).isFalse();
        assertThat(unsafe.lint().findings()).extracting(f -> f.rule().id()).contains("unbatched-mutation");

        FolderCheck notMigrated = FolderCheck.run(TestModels.v2(), dir, OPTIONS);
        assertThat(notMigrated.check().code()).contains(CheckCode.SCHEMA_NOT_MIGRATED);
        assertThat(notMigrated.lintFailed()).as("the check's problem decides").isFalse();
        assertThat(notMigrated.lint().ok()).as("still linted").isFalse();
    }

    @Test
    void lintPathsTakesFilesAndFoldersInTheOrderGiven() throws Exception {
        MigrationGenerator.generate(TestModels.v1(), dir, MigrationOptions.builder().name("init").build());
        Path extra = Files.writeString(dir.resolveSibling(dir.getFileName() + "-extra.sql"),
                "--liquibase formatted sql\n--changeset me:x\nSET LOCAL lock_timeout = '5s';\n"
                        + "CREATE INDEX companies_name_idx ON companies (name);\n");
        try {
            assertThat(MigrationLint.lintPaths(List.of(dir)).ok()).isTrue();
            assertThat(MigrationLint.lintPaths(List.of(dir, extra)).findings()).extracting(f -> f.rule().id())
                    .contains("create-index-not-concurrently");
            assertThat(MigrationLint.lintPaths(List.of(dir, extra)).findings()).extracting(LintFinding::file)
                    .containsOnly(extra.toString());
        } finally {
            Files.delete(extra);
        }
    }
}
