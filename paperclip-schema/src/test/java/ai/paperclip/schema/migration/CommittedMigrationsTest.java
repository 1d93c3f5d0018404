package ai.paperclip.schema.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.paperclip.schema.core.PaperclipSchema;
import ai.paperclip.schema.migration.CommittedMigrations.Changeset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommittedMigrationsTest {

    @Test
    void readsPaperclipsBundledHistoryFromTheClasspath() {
        CommittedMigrations history = CommittedMigrations.paperclip();

        assertThat(history.location()).isEqualTo("classpath:ai/paperclip/schema/migrations");
        assertThat(history.migrations()).first().satisfies(m -> {
            assertThat(m.tag()).isEqualTo("0000_core_schema");
            assertThat(m.intact()).isTrue();
            assertThat(m.changesets()).containsExactly(
                    new Changeset("paperclip", "0000_core_schema", "0000_core_schema.sql", true));
        });
    }

    @Test
    void givesTheSchemaAfterAMigrationNamedByTagOrNumberAndTheNewest() {
        CommittedMigrations history = CommittedMigrations.paperclip();

        assertThat(history.schemaAfter("0000")).isEqualTo(history.schemaAfter("0000_core_schema"))
                .isEqualTo(history.schemaAfter("0"));
        assertThat(history.schemaAfter("0000").tables()).hasSize(13);
        assertThat(history.newestSchema()).isEqualTo(PaperclipSchema.SCHEMA.model());
    }

    @Test
    void namesTheMigrationsItHasWhenAskedForAnUnknownOne() {
        assertThatThrownBy(() -> CommittedMigrations.paperclip().schemaAfter("0042"))
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("No migration 0042 in classpath:ai/paperclip/schema/migrations; it has 0000_core_schema");
    }

    @Test
    void saysWhichSnapshotIsMissing(@TempDir Path dir) throws IOException {
        copyGolden(dir);
        Files.delete(dir.resolve("meta/0001_snapshot.json"));

        CommittedMigrations history = CommittedMigrations.fromFolder(dir);

        assertThat(history.schemaAfter("0000")).isNotNull();
        assertThatThrownBy(() -> history.schemaAfter("1")).isInstanceOf(MigrationException.class)
                .hasMessage("Migration 0001_cosmic_lagoon has no meta/0001_snapshot.json in " + dir
                        + ": restore the file from version control.");
    }

    @Test
    void readsAFolderAndFlagsAnEditedMigration(@TempDir Path dir) throws IOException {
        copyGolden(dir);
        Files.writeString(dir.resolve("0001_cosmic_lagoon.sql"), "\n-- edited\n", java.nio.file.StandardOpenOption.APPEND);

        CommittedMigrations history = CommittedMigrations.fromFolder(dir);

        assertThat(history.migrations()).extracting(CommittedMigrations.Migration::tag)
                .containsExactly("0000_init", "0001_cosmic_lagoon", "0002_backfill", "0003_rename_issues");
        assertThat(history.migrations()).extracting(CommittedMigrations.Migration::intact)
                .containsExactly(true, false, true, true);
        assertThat(history.changesets()).extracting(Changeset::qualifiedId).containsExactly("paperclip:0000_init",
                "paperclip:0001_cosmic_lagoon", "paperclip:0001_cosmic_lagoon_concurrently_1",
                "paperclip:0001_cosmic_lagoon_concurrently_2", "paperclip:0001_cosmic_lagoon_constraints",
                "paperclip:0001_cosmic_lagoon_validate_1", "paperclip:0001_cosmic_lagoon_validate_2",
                "paperclip:0002_backfill", "paperclip:0003_rename_issues");
    }

    @Test
    void readsChangesetsOutsideTheTransactionAndQuotedIds(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("meta"));
        Files.writeString(dir.resolve("meta/_journal.json"),
                "{\"version\":1,\"migrations\":[{\"idx\":0,\"tag\":\"0000_x\",\"custom\":true}]}");
        Files.writeString(dir.resolve("0000_x.sql"), "--liquibase formatted sql logicalFilePath:0000_x.sql\n\n"
                + "--changeset acme:0000_x\nCREATE TABLE t (id int);\n"
                + "-- changeset \"acme corp\":\"0000_x_concurrently_1\" runInTransaction:false\n"
                + "CREATE INDEX CONCURRENTLY t_idx ON t (id);\n");

        assertThat(CommittedMigrations.fromFolder(dir).changesets()).containsExactly(
                new Changeset("acme", "0000_x", "0000_x.sql", true),
                new Changeset("acme corp", "0000_x_concurrently_1", "0000_x.sql", false));
    }

    @Test
    void refusesAFileWithoutLogicalFilePath(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("meta"));
        Files.writeString(dir.resolve("meta/_journal.json"),
                "{\"version\":1,\"migrations\":[{\"idx\":0,\"tag\":\"0000_x\",\"custom\":true}]}");
        Files.writeString(dir.resolve("0000_x.sql"), "--liquibase formatted sql\n--changeset acme:0000_x\nSELECT 1;\n");

        assertThatThrownBy(() -> CommittedMigrations.fromFolder(dir)).isInstanceOf(MigrationException.class)
                .hasMessageContaining("0000_x.sql has no logicalFilePath")
                .hasMessageContaining("'--liquibase formatted sql logicalFilePath:0000_x.sql'");
    }

    @Test
    void saysWhatIsMissingWhenThereIsNoJournal(@TempDir Path dir) {
        assertThatThrownBy(() -> CommittedMigrations.fromFolder(dir)).isInstanceOf(MigrationException.class)
                .hasMessage("No migration history at " + dir + ": meta/_journal.json is missing. Point at the folder"
                        + " the generator writes (it holds changelog.xml and meta/).");
    }

    private static void copyGolden(Path dir) throws IOException {
        Path golden = Path.of("src/test/resources/golden/history");
        try (var files = Files.walk(golden)) {
            for (Path p : files.toList()) {
                Path target = dir.resolve(golden.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
