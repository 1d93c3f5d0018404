package ai.paperclip.schema.migration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.schema.migration.CommittedMigrations;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import liquibase.ChecksumVersion;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast path's own computation of Liquibase's changeset checksum (no Liquibase class on the fast path)
 * gives exactly what Liquibase records in databasechangelog.md5sum: for every committed changeset and for
 * the shapes hand-written migrations take. A Liquibase upgrade that changes the algorithm fails here.
 */
class LiquibaseChecksumTest {

    @Test
    void matchesLiquibaseForEveryChangesetOfPaperclipsHistory() throws Exception {
        CommittedMigrations history = CommittedMigrations.paperclip();
        ResourceAccessor classpath = new ClassLoaderResourceAccessor(getClass().getClassLoader());
        for (CommittedMigrations.Migration m : history.migrations()) {
            List<String> expected = liquibase(classpath, CommittedMigrations.PAPERCLIP_LOCATION + "/" + m.fileName());
            assertThat(m.changesets()).extracting(c -> history.liquibaseChecksum(c).orElseThrow())
                    .as(m.tag()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void matchesLiquibaseForHandWrittenShapes(@TempDir Path dir) throws Exception {
        String sql = String.join("\r\n",
                "--liquibase formatted sql logicalFilePath:0001_x.sql",
                "",
                "-- a file comment before the first changeset",
                "--changeset acme:0001_x",
                "-- back-fill: the café's names",
                "UPDATE notes\tSET body = 'Café  au   lait'",
                "  WHERE body IS NULL;",
                "--rollback UPDATE notes SET body = NULL WHERE body = 'Café  au   lait';",
                "SELECT 2; -- after a rollback line, still the change's SQL",
                "",
                "--changeset \"acme corp\":0001_x_index runInTransaction:false",
                "CREATE INDEX CONCURRENTLY notes_body_idx ON notes (body);",
                "--rollback DROP INDEX CONCURRENTLY notes_body_idx;",
                "--changeset acme:0001_x_empty",
                "SELECT 1;",
                "--rollback empty",
                "");
        Files.writeString(dir.resolve("0001_x.sql"), sql, StandardCharsets.UTF_8);

        List<String> expected = liquibase(new DirectoryResourceAccessor(dir), "0001_x.sql");
        assertThat(expected).hasSize(3);
        assertThat(LiquibaseChecksum.of(sql)).containsExactlyElementsOf(expected.stream().map(Optional::of).toList());
        assertThat(LiquibaseChecksum.of(sql.replace("IS NULL;", "IS NOT NULL;")).get(0)).as("an edit changes it")
                .isNotEqualTo(Optional.of(expected.get(0)));
        assertThat(LiquibaseChecksum.of(sql.replace("Café  au", "Café au")).get(0))
                .as("whitespace is not part of it, for Liquibase either (even inside a literal)")
                .isEqualTo(Optional.of(expected.get(0)));
    }

    @Test
    void aChangesetWithADirectiveItDoesNotModelHasNoChecksumRatherThanAWrongOne() {
        assertThat(LiquibaseChecksum.of("--changeset a:1\n--comment: explained\nSELECT 1;\n--changeset a:2\nSELECT 2;\n"))
                .extracting(Optional::isPresent).containsExactly(false, true);
    }

    private static List<String> liquibase(ResourceAccessor accessor, String path) throws Exception {
        DatabaseChangeLog changeLog = ChangeLogParserFactory.getInstance().getParser(path, accessor)
                .parse(path, new ChangeLogParameters(), accessor);
        return changeLog.getChangeSets().stream()
                .map((ChangeSet c) -> c.generateCheckSum(ChecksumVersion.latest()).toString()).toList();
    }
}
