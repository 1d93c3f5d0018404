package ai.paperclip.schema.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationCheckTest {

    private static final MigrationOptions OPTIONS = MigrationOptions.builder().generateCommand("GEN").build();

    @TempDir
    Path dir;

    @BeforeEach
    void twoMigrations() {
        MigrationGenerator.generate(TestModels.v1(), dir, MigrationOptions.builder().name("init").build());
        MigrationGenerator.generate(TestModels.v2(), dir, MigrationOptions.builder().name("more").build());
    }

    private CheckResult check() {
        return MigrationCheck.run(TestModels.v2(), dir, OPTIONS);
    }

    @Test
    void passesWhenDefinitionsAndHistoryAgree() {
        CheckResult result = check();
        assertThat(result.ok()).isTrue();
        assertThat(result.code()).isEmpty();
        assertThat(result.message()).isEqualTo("Migrations are up to date with the schema definitions.");
    }

    @Test
    void failsWithSchemaNotMigratedWhenTheDefinitionsHaveChangesNoMigrationCovers() {
        CheckResult result = MigrationCheck.run(TestModels.v3(), dir, OPTIONS);
        assertThat(result.code()).contains(CheckCode.SCHEMA_NOT_MIGRATED);
        assertThat(result.problems()).singleElement().extracting(CheckProblem::code).isEqualTo(CheckCode.SCHEMA_NOT_MIGRATED);
        assertThat(result.message()).isEqualTo("The schema definitions have changes that no migration covers"
                + " (new tables: tasks; changed tables: agents, companies; tables gone: issues;"
                + " the newest snapshot is 0001_more). Run GEN, review the new migration, and commit it.");
    }

    @Test
    void failsWithConflictingMigrationsWhenTwoMigrationsFollowTheSameSnapshot(@TempDir Path branch) throws IOException {
        // Another branch generated its own 0001 on the same 0000; the merge kept both, renumbering one.
        MigrationGenerator.generate(TestModels.v1(), branch, MigrationOptions.builder().name("init").build());
        MigrationGenerator.generate(TestModels.v1WithNameIndex(), branch, MigrationOptions.builder().name("index").build());
        Files.copy(branch.resolve("0001_index.sql"), dir.resolve("0002_index.sql"));
        Files.copy(branch.resolve("meta/0001_snapshot.json"), dir.resolve("meta/0002_snapshot.json"));
        String journal = Files.readString(dir.resolve("meta/_journal.json"));
        String branchEntry = Files.readString(branch.resolve("meta/_journal.json"));
        String sha = branchEntry.substring(branchEntry.lastIndexOf("\"sha256\" : \"") + 12).substring(0, 64);
        Files.writeString(dir.resolve("meta/_journal.json"), journal.replace("\"tag\" : \"0001_more\"\n    }",
                "\"tag\" : \"0001_more\"\n    },\n    {\n      \"custom\" : false,\n      \"idx\" : 2,\n      \"sha256\" : \""
                        + sha + "\",\n      \"tag\" : \"0002_index\"\n    }"));
        Files.writeString(dir.resolve("changelog.xml"), Files.readString(dir.resolve("changelog.xml")).replace(
                "</databaseChangeLog>", "  <include file=\"0002_index.sql\" relativeToChangelogFile=\"true\"/>\n</databaseChangeLog>"));

        CheckResult result = check();
        assertThat(result.code()).contains(CheckCode.CONFLICTING_MIGRATIONS);
        assertThat(result.problems()).extracting(CheckProblem::code).contains(CheckCode.CONFLICTING_MIGRATIONS);
        assertThat(result.problems().get(0).message()).startsWith("Migrations 0001_more and 0002_index both follow snapshot ")
                .endsWith(": they were generated on parallel branches and merged. Keep 0001_more (merged first);"
                        + " delete 0002_index.sql, its snapshot and its entry in meta/_journal.json, then run GEN to"
                        + " generate its changes again on top.");
    }

    @Test
    void failsWithChecksumMismatchWhenACommittedMigrationWasEdited() throws IOException {
        Path sql = dir.resolve("0000_init.sql");
        Files.writeString(sql, Files.readString(sql).replace("title text", "title varchar"));
        CheckResult result = check();
        assertThat(result.code()).contains(CheckCode.CHECKSUM_MISMATCH);
        assertThat(result.message()).isEqualTo("0000_init.sql no longer matches its checksum in meta/_journal.json:"
                + " a committed migration was edited, and databases that applied it will not run it again. Restore it"
                + " (git checkout -- 0000_init.sql) and put the change in a new migration: GEN (add --custom for"
                + " hand-written SQL).");
    }

    @Test
    void failsWithChecksumMismatchWhenASnapshotWasEdited() throws IOException {
        Path snapshot = dir.resolve("meta/0001_snapshot.json");
        Files.writeString(snapshot, Files.readString(snapshot).replace("'medium'::text", "'high'::text"));
        CheckResult result = check();
        assertThat(result.code()).contains(CheckCode.CHECKSUM_MISMATCH);
        assertThat(result.problems().get(0).message()).isEqualTo("meta/0001_snapshot.json was edited: its id no longer"
                + " matches its content. Restore it from version control.");
    }

    @Test
    void failsWithIndexMismatchWhenAListedFileIsMissing() throws IOException {
        Files.delete(dir.resolve("0001_more.sql"));
        CheckResult result = check();
        assertThat(result.code()).contains(CheckCode.INDEX_MISMATCH);
        assertThat(result.message()).isEqualTo("meta/_journal.json lists 0001_more.sql but the file is missing."
                + " Restore it from version control.");
    }

    @Test
    void failsWithIndexMismatchWhenAFileIsNotInTheIndex() throws IOException {
        Files.writeString(dir.resolve("0002_by_hand.sql"), "--liquibase formatted sql\n");
        CheckResult result = check();
        assertThat(result.code()).contains(CheckCode.INDEX_MISMATCH);
        assertThat(result.message()).isEqualTo("0002_by_hand.sql is not listed in meta/_journal.json (a migration"
                + " written by hand, or one from a merged branch whose index entry was lost). Delete it and its"
                + " snapshot, then run GEN to generate the change again on top of the newest migration"
                + " (--custom for hand-written SQL).");
    }

    @Test
    void failsWithIndexMismatchWhenTheIndexIsMisnumbered() throws IOException {
        Path journal = dir.resolve("meta/_journal.json");
        Files.writeString(journal, Files.readString(journal).replace("\"idx\" : 1", "\"idx\" : 2"));
        CheckResult result = check();
        assertThat(result.code()).contains(CheckCode.INDEX_MISMATCH);
        assertThat(result.message()).startsWith("Entry 1 of meta/_journal.json is '0001_more' with idx 2, but position 1"
                + " needs idx 1 and a tag starting with '0001_': the index is misnumbered.");
    }

    @Test
    void failsWithIndexMismatchWhenTheMasterChangelogDisagreesWithTheIndexAndGenerateRepairsIt() throws IOException {
        Path changelog = dir.resolve("changelog.xml");
        Files.writeString(changelog, Files.readString(changelog).replace("  <include file=\"0001_more.sql\" relativeToChangelogFile=\"true\"/>\n", ""));
        assertThat(check().code()).contains(CheckCode.INDEX_MISMATCH);
        assertThat(check().message()).isEqualTo("changelog.xml does not include the migrations of meta/_journal.json"
                + " in their order. Run GEN: it rewrites changelog.xml from the index.");

        assertThat(MigrationGenerator.generate(TestModels.v2(), dir, OPTIONS)).isEmpty();
        assertThat(check().ok()).isTrue();
    }

    @Test
    void reportsTheMostBasicProblemFirst() throws IOException {
        Path sql = dir.resolve("0000_init.sql");
        Files.writeString(sql, Files.readString(sql) + "\n");
        CheckResult result = MigrationCheck.run(TestModels.v3(), dir, OPTIONS);
        assertThat(result.problems()).extracting(CheckProblem::code)
                .containsExactly(CheckCode.CHECKSUM_MISMATCH, CheckCode.SCHEMA_NOT_MIGRATED);
        assertThat(result.code()).contains(CheckCode.CHECKSUM_MISMATCH);
    }
}
