package ai.paperclip.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.migrate.testing.Cli;
import ai.paperclip.migrate.testing.Cli.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generate and check work on files only: the definitions against the committed history, no database. */
class GenerateAndCheckTest {

    static final String V1 = "ai.paperclip.migrate.fixtures.Notes#V1";
    static final String V2 = "ai.paperclip.migrate.fixtures.Notes#V2";
    static final String V3 = "ai.paperclip.migrate.fixtures.Notes#V3";
    static final Map<String, String> ENV = Map.of();

    @TempDir
    Path folder;

    private Run generate(String schema, String... more) {
        return run("generate", schema, "--out=" + folder, more);
    }

    private Run check(String schema, String... more) {
        return run("check", schema, "--migrations=" + folder, more);
    }

    private static Run run(String command, String schema, String folderOption, String... more) {
        String[] args = new String[4 + more.length];
        args[0] = command;
        args[1] = "--schema";
        args[2] = schema;
        args[3] = folderOption;
        System.arraycopy(more, 0, args, 4, more.length);
        return Cli.run(ENV, args);
    }

    @Test
    void generateWritesTheFirstMigrationAndThenNothingWhenNothingChanged() {
        Run first = generate(V1, "--name", "notes");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).contains("Wrote ").contains("0000_notes.sql").contains("Review it, then commit the folder.");
        assertThat(folder.resolve("0000_notes.sql")).exists();
        assertThat(folder.resolve("meta/0000_snapshot.json")).exists();

        Run again = generate(V1);
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).startsWith("No schema changes: nothing to generate");
    }

    @Test
    void checkPassesWhenTheHistoryCoversTheDefinitionsAndFailsWithElevenWhenItDoesNot() {
        generate(V1, "--name", "notes");
        Run ok = check(V1);
        assertThat(ok.exitCode()).as(ok.toString()).isEqualTo(ExitCode.OK.code());
        assertThat(ok.out()).contains("Migrations are up to date with the schema definitions.");

        Run changed = check(V2);
        assertThat(changed.exitCode()).as(changed.toString()).isEqualTo(11).isEqualTo(ExitCode.SCHEMA_NOT_MIGRATED.code());
        assertThat(changed.err()).contains("changed tables: notes").contains("paperclip-migrate generate --schema " + V2);
        assertThat(changed.out()).isEmpty();
    }

    @Test
    void checkReportsAnEditedMigrationWithThirteenAndAMissingFileWithFourteen() throws Exception {
        generate(V1, "--name", "notes");
        generate(V2, "--name", "priority");
        Path first = folder.resolve("0000_notes.sql");
        Files.writeString(first, Files.readString(first) + "\n-- an edit\n");
        Run edited = check(V2);
        assertThat(edited.exitCode()).as(edited.toString()).isEqualTo(ExitCode.MIGRATION_EDITED.code()).isEqualTo(13);

        Files.delete(folder.resolve("0001_priority.sql"));
        Run missing = check(V2);
        assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(ExitCode.INDEX_MISMATCH.code()).isEqualTo(14);
    }

    @Test
    void checkPrintsJsonForScripts() {
        generate(V1, "--name", "notes");
        Run run = check(V2, "--json");
        assertThat(run.exitCode()).isEqualTo(11);
        assertThat(run.out()).contains("\"ok\" : false").contains("\"exitCode\" : 11").contains("\"code\" : \"SCHEMA_NOT_MIGRATED\"");
    }

    @Test
    void generateStopsWithFourWhenADataLosingChangeNeedsADecisionAndAppliesItOnceDecided() throws Exception {
        generate(V1, "--name", "notes");
        generate(V2, "--name", "priority");
        Run undecided = generate(V3);
        assertThat(undecided.exitCode()).as(undecided.toString()).isEqualTo(ExitCode.DECISIONS_NEEDED.code()).isEqualTo(4);
        assertThat(undecided.err()).contains("allow drop column notes.body");
        assertThat(folder.resolve("0002_drop_body.sql")).doesNotExist();

        Files.writeString(folder.resolve("decisions.txt"), "allow drop column notes.body\n");
        Run decided = generate(V3, "--name", "drop_body");
        assertThat(decided.exitCode()).as(decided.toString()).isZero();
        assertThat(decided.out()).contains("applied decision: allow drop column notes.body");
        assertThat(Files.readString(folder.resolve("0002_drop_body.sql"))).contains("--rollback -- IRREVERSIBLE:");
    }

    @Test
    void aCustomMigrationIsAnEmptyChangesetInTheChain() throws Exception {
        generate(V1, "--name", "notes");
        Run custom = generate(V1, "--custom", "--name", "backfill");
        assertThat(custom.exitCode()).as(custom.toString()).isZero();
        assertThat(Files.readString(folder.resolve("0001_backfill.sql"))).contains("SELECT 1;").contains("--rollback empty");
        assertThat(check(V1).exitCode()).isZero();
    }

    @Test
    void anUnknownSchemaClassIsOneClearLineWithExitStatusOne() {
        Run run = generate("com.example.Missing");
        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILURE.code());
        assertThat(run.err().lines().toList()).hasSize(1);
        assertThat(run.err()).startsWith("Error: Schema class com.example.Missing cannot be loaded")
                .contains("build its module first");
    }

    @Test
    void aHostSchemaWithoutAFolderIsBadUsage() {
        Run run = Cli.run(ENV, "generate", "--schema", V1);
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err()).contains("--out is required with --schema " + V1);
    }

    @Test
    void checkTakesTheFolderItsHelpNamesAndRefusesAClasspathLocationOrASecondFolderAsBadUsage() {
        generate(V1, "--name", "notes");
        assertThat(Cli.run(ENV, "check", "--schema", V1, "--migrations", folder.toString()).exitCode()).isZero();

        Run help = Cli.run(ENV, "help", "check");
        assertThat(help.out().replaceAll("\\s+", " ")).contains("--migrations=DIR The migrations folder to check: the one"
                + " generate --out writes, a directory of files (not a classpath: location; given once).");

        Run classpath = Cli.run(ENV, "check", "--schema", V1, "--migrations", "classpath:ai/paperclip/schema/migrations");
        assertThat(classpath.exitCode()).as(classpath.toString()).isEqualTo(ExitCode.USAGE.code());
        assertThat(classpath.err()).contains("--migrations takes a folder, not classpath:ai/paperclip/schema/migrations:"
                + " check reads and writes the files of the folder generate writes");

        Run twice = Cli.run(ENV, "check", "--schema", V1, "--migrations", folder.toString(), "--migrations",
                folder.toString());
        assertThat(twice.exitCode()).as(twice.toString()).isEqualTo(ExitCode.USAGE.code());
        assertThat(twice.err()).contains("--migrations").contains("should be specified only once");
    }

    @Test
    void checkOfPaperclipsSchemaOutsideACheckoutSaysWhereToRunIt() {
        Run run = Cli.run(ENV, "check");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err()).contains("No paperclip-schema/src/main/resources/ai/paperclip/schema/migrations here: run at"
                + " the root of the paperclip-db checkout, or give the migrations folder with --migrations.");
    }

    @Test
    void theDatabaseCommandsTakeFoldersAndClasspathLocationsAsTheirHelpSays() {
        Run help = Cli.run(ENV, "help", "status");
        assertThat(help.out().replaceAll("\\s+", " ")).contains("--migrations=DIR|classpath:LOCATION A migrations folder"
                + " (generate's --out), or classpath:<location>");
    }
}
