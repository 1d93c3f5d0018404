package ai.paperclip.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.migrate.testing.Cli;
import ai.paperclip.migrate.testing.Cli.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lint on files, its outputs and exit status, and as part of check; generate's live-safety options. */
class LintCommandTest {

    static final String CREATE = "--liquibase formatted sql\n--changeset me:0000\nCREATE TABLE notes (id uuid PRIMARY KEY, body text);\n";
    static final String UNSAFE = "--liquibase formatted sql\n--changeset me:0001\nSET LOCAL lock_timeout = '5s';\n"
            + "CREATE INDEX notes_body_idx ON notes (body);\n";

    @TempDir
    Path folder;

    @Test
    void failsWithTwentyFiveNamingFileLineRuleAndFixAndPassesASafeFile() throws Exception {
        Path create = Files.writeString(folder.resolve("0000_create.sql"), CREATE);
        Path unsafe = Files.writeString(folder.resolve("0001_index.sql"), UNSAFE);
        Run bad = Cli.run(Map.of(), "lint", create.toString(), unsafe.toString());
        assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(ExitCode.LINT_FAILED.code()).isEqualTo(17);
        assertThat(bad.out()).contains(unsafe + ":4: create-index-not-concurrently: CREATE INDEX notes_body_idx on existing"
                + " table notes without CONCURRENTLY blocks writes to notes for the whole build\n")
                .contains("    fix: CREATE INDEX CONCURRENTLY in a changeset of its own with runInTransaction:false.")
                .contains("Lint: 2 files, 3 statements: 1 error, 0 warnings.")
                .doesNotContain("::error");

        Run good = Cli.run(Map.of(), "lint", create.toString());
        assertThat(good.exitCode()).as(good.toString()).isZero();
        assertThat(good.out()).isEqualTo("Lint: 1 file, 1 statement: no findings.\n");
    }

    @Test
    void printsJsonAndInAGithubWorkflowAnnotations() throws Exception {
        Files.writeString(folder.resolve("0000_create.sql"), CREATE);
        Files.writeString(folder.resolve("0001_index.sql"), UNSAFE);
        Run json = Cli.run(Map.of(), "lint", "--json", folder.toString());
        assertThat(json.exitCode()).isEqualTo(17);
        assertThat(json.out()).contains("\"ok\" : false").contains("\"rule\" : \"create-index-not-concurrently\"")
                .contains("\"line\" : 4");

        Run github = Cli.run(Map.of("GITHUB_ACTIONS", "true"), "lint", "--migrations", folder.toString());
        assertThat(github.out().lines()).contains("::error file=" + folder.resolve("0001_index.sql") + ",line=4,"
                + "title=create-index-not-concurrently::CREATE INDEX notes_body_idx on existing table notes without"
                + " CONCURRENTLY blocks writes to notes for the whole build. Fix: CREATE INDEX CONCURRENTLY in a"
                + " changeset of its own with runInTransaction:false.");
    }

    @Test
    void withoutFilesLintsPaperclipsBundledHistoryWhichPasses() {
        Run run = Cli.run(Map.of(), "lint");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("Lint: 1 file, ").endsWith(": no findings.\n");
    }

    @Test
    void aMissingFileIsAFailureThatNamesIt() {
        Run run = Cli.run(Map.of(), "lint", folder.resolve("nope.sql").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILURE.code());
        assertThat(run.err()).contains("Cannot lint " + folder.resolve("nope.sql") + ": no such file.");
    }

    @Test
    void checkFailsWithTwentyFiveOnAnUnsafeHandWrittenMigration() throws Exception {
        String v1 = GenerateAndCheckTest.V1;
        assertThat(Cli.run(Map.of(), "generate", "--schema", v1, "--out", folder.toString(), "--name", "notes").exitCode()).isZero();
        assertThat(Cli.run(Map.of(), "check", "--schema", v1, "--migrations", folder.toString()).exitCode()).isZero();
        Cli.run(Map.of(), "generate", "--schema", v1, "--out", folder.toString(), "--custom", "--name", "backfill");
        Path custom = folder.resolve("0001_backfill.sql");
        Files.writeString(custom, Files.readString(custom).replace("SELECT 1;", "UPDATE notes SET body = upper(body);"));

        Run check = Cli.run(Map.of(), "check", "--schema", v1, "--migrations", folder.toString());
        assertThat(check.exitCode()).as(check.toString()).isEqualTo(ExitCode.LINT_FAILED.code());
        assertThat(check.out()).contains(custom + ":10: unbatched-mutation: UPDATE of existing table notes without a"
                + " selective WHERE changes every row in one transaction");
        Run json = Cli.run(Map.of(), "check", "--schema", v1, "--migrations", folder.toString(), "--json");
        assertThat(json.out()).contains("\"exitCode\" : 17").contains("\"rule\" : \"unbatched-mutation\"");
    }

    @Test
    void generateWritesConcurrentIndexesAndTheLockTimeoutAsAskedAndRefusesABadDuration() throws Exception {
        String v1 = GenerateAndCheckTest.V1;
        String v2 = GenerateAndCheckTest.V2;
        Cli.run(Map.of(), "generate", "--schema", v1, "--out", folder.toString(), "--name", "notes");
        Run bad = Cli.run(Map.of(), "generate", "--schema", v2, "--out", folder.toString(), "--lock-timeout", "soon");
        assertThat(bad.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(bad.err()).contains("--lock-timeout must be a number with ms, s or min (e.g. 5s, 1500ms; 0 for none),"
                + " got 'soon'");
        Run ok = Cli.run(Map.of(), "generate", "--schema", v2, "--out", folder.toString(), "--name", "priority",
                "--lock-timeout", "2s", "--no-concurrent-indexes");
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        assertThat(Files.readString(folder.resolve("0001_priority.sql"))).contains("SET LOCAL lock_timeout = '2s';\n");
    }
}
