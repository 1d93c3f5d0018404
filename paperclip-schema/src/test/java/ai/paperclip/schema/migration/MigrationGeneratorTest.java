package ai.paperclip.schema.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.paperclip.schema.migration.internal.Hashes;
import ai.paperclip.schema.model.SchemaJson;
import ai.paperclip.schema.model.SchemaModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationGeneratorTest {

    @TempDir
    Path dir;

    static final MigrationOptions DEFAULTS = MigrationOptions.defaults();

    /** v1, v2, a custom migration, then v3 with renames and a dropped column: the IT applies the same. */
    static void writeHistory(Path folder) throws IOException {
        MigrationGenerator.generate(TestModels.v1(), folder, MigrationOptions.builder().name("init").build());
        MigrationGenerator.generate(TestModels.v2(), folder, DEFAULTS);
        MigrationGenerator.generate(TestModels.v2(), folder, MigrationOptions.builder().custom(true).name("backfill").build());
        Files.writeString(folder.resolve("0002_backfill.sql"), Files.readString(folder.resolve("0002_backfill.sql"))
                .replace("SELECT 1;\n", "UPDATE companies SET description = name WHERE description IS NULL;\n"));
        Files.writeString(folder.resolve(Decisions.FILE_NAME), TestModels.v3Decisions());
        MigrationGenerator.generate(TestModels.v3(), folder, MigrationOptions.builder().name("rename_issues").build());
    }

    @Test
    void writesTheExactGoldenFilesForAHistoryOfFourMigrations() throws IOException {
        writeHistory(dir);
        Golden.assertFolderMatches(dir, "history");
    }

    @Test
    void sameInputsGiveTheSameBytes(@TempDir Path other) throws IOException {
        writeHistory(dir);
        writeHistory(other);
        assertThat(Golden.relativeFiles(dir)).isEqualTo(Golden.relativeFiles(other));
        for (String file : Golden.relativeFiles(dir)) {
            assertThat(Files.readAllBytes(other.resolve(file))).as(file).isEqualTo(Files.readAllBytes(dir.resolve(file)));
        }
    }

    @Test
    void writesNothingWhenTheSchemaEqualsTheNewestSnapshot() throws IOException {
        MigrationGenerator.generate(TestModels.v1(), dir, DEFAULTS);
        var before = Golden.relativeFiles(dir);
        assertThat(MigrationGenerator.generate(TestModels.v1(), dir, DEFAULTS)).isEmpty();
        assertThat(Golden.relativeFiles(dir)).isEqualTo(before);
    }

    @Test
    void aGeneratedNameIsAnAdjectiveAndANounPickedFromTheContent(@TempDir Path other) {
        GeneratedMigration first = MigrationGenerator.generate(TestModels.v1(), dir, DEFAULTS).orElseThrow();
        GeneratedMigration again = MigrationGenerator.generate(TestModels.v1(), other, DEFAULTS).orElseThrow();
        assertThat(first.tag()).matches("0000_[a-z]+_[a-z]+").isEqualTo(again.tag());
    }

    @Test
    void aCustomMigrationKeepsItsParentsSchemaAndIsSealedByTheNextGenerate() throws IOException {
        MigrationGenerator.generate(TestModels.v1(), dir, DEFAULTS);
        GeneratedMigration custom = MigrationGenerator.generate(TestModels.v2(), dir,
                MigrationOptions.builder().custom(true).name("fix_data").build()).orElseThrow();
        assertThat(custom.changes()).isEmpty();
        String parent = Files.readString(dir.resolve("meta/0000_snapshot.json"));
        String snapshot = Files.readString(custom.snapshotFile());
        assertThat(SchemaJson.mapper().readTree(snapshot).get("schema"))
                .isEqualTo(SchemaJson.mapper().readTree(parent).get("schema"));
        assertThat(journal()).doesNotContain("\"tag\" : \"0001_fix_data\",\n      \"sha256\"");

        String handWritten = Files.readString(custom.sqlFile()).replace("SELECT 1;", "UPDATE companies SET name = name;");
        Files.writeString(custom.sqlFile(), handWritten);
        assertThat(MigrationCheck.run(TestModels.v1(), dir, DEFAULTS).ok()).isTrue();

        MigrationGenerator.generate(TestModels.v2(), dir, DEFAULTS);
        assertThat(journal()).contains("\"sha256\" : \"" + Hashes.sha256(handWritten) + "\"");
    }

    @Test
    void takesAppliedDecisionsOutOfTheFileAndKeepsTheOthers() throws IOException {
        MigrationGenerator.generate(TestModels.v1(), dir, DEFAULTS);
        MigrationGenerator.generate(TestModels.v2(), dir, DEFAULTS);
        Files.writeString(dir.resolve(Decisions.FILE_NAME), TestModels.v3Decisions() + "allow drop table ghosts\n");

        GeneratedMigration m = MigrationGenerator.generate(TestModels.v3(), dir, DEFAULTS).orElseThrow();

        assertThat(m.decisionsApplied()).extracting(Decision::line).containsExactly("rename table issues -> tasks",
                "rename column agents.title -> agents.job_title", "allow drop column companies.description");
        assertThat(m.decisionsUnused()).containsExactly(Decision.allowDropTable("ghosts"));
        assertThat(Files.readString(dir.resolve(Decisions.FILE_NAME)))
                .isEqualTo("# Decisions for the next migration\nallow drop table ghosts\n");
        assertThat(Files.readString(m.sqlFile())).contains("-- Decisions it applies (any from decisions.txt are taken out of it):\n"
                + "--   rename table issues -> tasks\n");
    }

    @Test
    void refusesADataLosingChangeWithoutADecisionAndWritesNothing() throws IOException {
        MigrationGenerator.generate(TestModels.v1(), dir, DEFAULTS);
        MigrationGenerator.generate(TestModels.v2(), dir, DEFAULTS);
        var before = Golden.relativeFiles(dir);
        assertThatThrownBy(() -> MigrationGenerator.generate(TestModels.v3(), dir, DEFAULTS))
                .isInstanceOf(UndecidedChangesException.class)
                .hasMessageContaining("rename table issues -> tasks")
                .hasMessageContaining("allow drop column companies.description");
        assertThat(Golden.relativeFiles(dir)).isEqualTo(before);
    }

    @Test
    void refusesToGenerateOnAnInconsistentHistory() throws IOException {
        MigrationGenerator.generate(TestModels.v1(), dir, DEFAULTS);
        Path sql = dir.resolve(Golden.relativeFiles(dir).stream().filter(f -> f.endsWith(".sql")).findFirst().orElseThrow());
        Files.writeString(sql, Files.readString(sql) + "-- edited\n");
        assertThatThrownBy(() -> MigrationGenerator.generate(TestModels.v2(), dir, DEFAULTS))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("inconsistent migration history")
                .hasMessageContaining("no longer matches its checksum");
    }

    @Test
    void createsIndexesOnExistingTablesConcurrentlyInTheirOwnRerunnableChangesetByDefault() throws IOException {
        MigrationGenerator.generate(TestModels.v1(), dir, DEFAULTS);
        GeneratedMigration m = MigrationGenerator.generate(TestModels.v1WithNameIndex(), dir,
                MigrationOptions.builder().name("name_index").build()).orElseThrow();
        assertThat(Files.readString(m.sqlFile(), StandardCharsets.UTF_8)).endsWith(
                "\n--changeset paperclip:0001_name_index_concurrently_1 runInTransaction:false\n"
                        + "-- create index agents_name_idx on agents\n"
                        + "DROP INDEX CONCURRENTLY IF EXISTS agents_name_idx;\n"
                        + "CREATE INDEX CONCURRENTLY agents_name_idx ON agents (name);\n"
                        + "--rollback DROP INDEX CONCURRENTLY agents_name_idx;\n");
    }

    @Test
    void createsAPlainIndexInTheMainChangesetWithItsLockTimeoutWhenConcurrentIndexesAreOff() throws IOException {
        MigrationGenerator.generate(TestModels.v1(), dir, DEFAULTS);
        GeneratedMigration m = MigrationGenerator.generate(TestModels.v1WithNameIndex(), dir, MigrationOptions.builder()
                .name("name_index").concurrentIndexes(false).lockTimeout(Duration.ofMillis(1500)).build()).orElseThrow();
        assertThat(Files.readString(m.sqlFile(), StandardCharsets.UTF_8)).endsWith(
                "\n--changeset paperclip:0001_name_index\n"
                        + "SET LOCAL lock_timeout = '1500ms';\n"
                        + "-- create index agents_name_idx on agents\n"
                        + "CREATE INDEX agents_name_idx ON agents (name);\n"
                        + "--rollback SET LOCAL lock_timeout = '1500ms';\n"
                        + "--rollback DROP INDEX agents_name_idx;\n");
    }

    @Test
    void writesNoLockTimeoutWhenItIsZero() throws IOException {
        MigrationGenerator.generate(TestModels.safeBase(), dir, DEFAULTS);
        GeneratedMigration m = MigrationGenerator.generate(TestModels.safeTarget(), dir,
                MigrationOptions.builder().lockTimeout(Duration.ZERO).build()).orElseThrow();
        assertThat(Files.readString(m.sqlFile(), StandardCharsets.UTF_8)).doesNotContain("lock_timeout")
                .contains("NOT VALID");
    }

    /** Each live-safe recipe, for changes to tables that exist: the IT applies the same under load. */
    static void writeSafeRecipes(Path folder) {
        MigrationGenerator.generate(TestModels.safeBase(), folder, MigrationOptions.builder().name("base").build());
        MigrationGenerator.generate(TestModels.safeTarget(), folder, MigrationOptions.builder().name("safe").build());
    }

    @Test
    void writesTheExactGoldenFilesOfEachLiveSafeRecipe() throws IOException {
        writeSafeRecipes(dir);
        Golden.assertFolderMatches(dir, "safe");
    }

    @Test
    void flagsChangesThatRewriteTheTableInTheExactGoldenFiles() throws IOException {
        MigrationGenerator.generate(TestModels.safeBase(), dir, MigrationOptions.builder().name("base").build());
        MigrationGenerator.generate(TestModels.rewritingTarget(), dir, MigrationOptions.builder().name("rewrite").build());
        Golden.assertFolderMatches(dir, "rewrite");
    }

    @Test
    void rejectsANegativeOrTooLongLockTimeoutNamingTheOption() {
        assertThatThrownBy(() -> MigrationOptions.builder().lockTimeout(Duration.ofSeconds(-1)).build())
                .hasMessage("lockTimeout must be whole milliseconds from 0 (none) to 10 minutes, got PT-1S");
        assertThatThrownBy(() -> MigrationOptions.builder().lockTimeout(Duration.ofHours(1)).build())
                .hasMessageStartingWith("lockTimeout must be whole milliseconds");
    }

    @Test
    void rejectsAnInvalidNameNamingTheOption() {
        assertThatThrownBy(() -> MigrationOptions.builder().name("Add Column").build())
                .hasMessageStartingWith("name must be lower-case letters");
    }

    private String journal() throws IOException {
        return Files.readString(dir.resolve("meta/_journal.json"));
    }

    static Optional<GeneratedMigration> generate(SchemaModel model, Path folder) {
        return MigrationGenerator.generate(model, folder, DEFAULTS);
    }
}
