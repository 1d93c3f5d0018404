package ai.paperclip.db.migration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.db.testing.SyntheticHistory;
import ai.paperclip.schema.migration.CommittedMigrations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import liquibase.Scope;
import liquibase.change.Change;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.core.PostgresDatabase;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.statement.SqlStatement;
import liquibase.statement.core.RawParameterizedSqlStatement;
import liquibase.statement.core.RawSqlStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PlainSql} against Liquibase 4.33's own parser and splitter: for every changeset it calls plain, the
 * statements, their order and the transaction flag must be exactly Liquibase's (the shipped history, a generated
 * 50-table history and edge cases); what it calls unsupported is left to Liquibase.
 */
class PlainSqlTest {

    @Test
    void everyShippedChangesetIsPlainAndSplitAsLiquibaseSplitsIt(@TempDir Path dir) throws Exception {
        CommittedMigrations paperclip = CommittedMigrations.paperclip();
        for (CommittedMigrations.Migration m : paperclip.migrations()) {
            List<PlainSql.Changeset> ours = PlainSql.changesets(paperclip.text(m));
            assertThat(ours).allSatisfy(c -> assertThat(c.unsupported()).isNull());
            assertThat(ours).isEqualTo(liquibase(dir, m.tag() + ".sql", paperclip.text(m), ours));
        }
    }

    @Test
    void everyGeneratedChangesetIsPlainAndSplitAsLiquibaseSplitsIt(@TempDir Path dir) throws Exception {
        Path folder = SyntheticHistory.write(Files.createDirectories(dir.resolve("synth")), 50);
        CommittedMigrations synth = CommittedMigrations.fromFolder(folder);
        int statements = 0;
        boolean outsideTransaction = false;
        for (CommittedMigrations.Migration m : synth.migrations()) {
            List<PlainSql.Changeset> ours = PlainSql.changesets(synth.text(m));
            assertThat(ours).allSatisfy(c -> assertThat(c.unsupported()).isNull());
            assertThat(ours).isEqualTo(liquibase(dir.resolve("lb-" + m.tag()), m.tag() + ".sql", synth.text(m), ours));
            statements += ours.stream().mapToInt(c -> c.statements().size()).sum();
            outsideTransaction |= ours.stream().anyMatch(c -> !c.runInTransaction());
        }
        assertThat(statements).isGreaterThan(300);
        assertThat(outsideTransaction).as("the CONCURRENTLY index changeset runs outside a transaction").isTrue();
    }

    @Test
    void edgeCasesSplitAsLiquibaseSplitsThem(@TempDir Path dir) throws Exception {
        String sql = "--liquibase formatted sql logicalFilePath:0000_edge.sql\n\n"
                + "--changeset t:one\n"
                + "-- a leading comment; with a semicolon\n"
                + "CREATE TABLE a (\n    id int, -- trailing comment 'quoted;'\n    b text DEFAULT 'x;--y'\n);\n"
                + "CREATE TABLE \"we;ird\" (\"col--x\" int);   \n\n"
                + "INSERT INTO a (id, b) VALUES (1, 'it''s; -- not a comment');\n"
                + "CREATE INDEX a_re ON a ((regexp_replace(b, '\\s+', ' ', 'g')));\n"
                + "SELECT CASE WHEN current_setting('application_name') = 'x' THEN pg_sleep(1) END;\n"
                + "SELECT 1 WHERE 'a' <> '?'\r\n"
                + "--rollback DROP TABLE a;\n"
                + "--changeset t:two runInTransaction:false\n"
                + "CREATE INDEX CONCURRENTLY a_b ON a (b);\n"
                + "--changeset t:three\n"
                + "SET lock_timeout = '5s';;\nALTER TABLE a ADD COLUMN c int;\n\n\n";
        List<PlainSql.Changeset> ours = PlainSql.changesets(sql);
        assertThat(ours).hasSize(3).allSatisfy(c -> assertThat(c.unsupported()).isNull());
        assertThat(ours.get(0).statements()).hasSize(6);
        assertThat(ours).isEqualTo(liquibase(dir, "0000_edge.sql", sql, ours));
    }

    @Test
    void whatItCannotReproduceIsLeftToLiquibase() {
        for (String body : List.of(
                "--changeset t:x runOnChange:true\nSELECT 1;",
                "--changeset t:x context:prod\nSELECT 1;",
                "--changeset t:x\n--precondition-sql-check expectedResult:0 SELECT 1\nSELECT 1;",
                "--changeset t:x\n--comment: says something\nSELECT 1;",
                "--changeset t:x\nCREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;",
                "--changeset t:x\nDO 'BEGIN PERFORM 1; END';\nDO $x$ BEGIN END $x$;",
                "--changeset t:x\nCREATE PROCEDURE p() BEGIN ATOMIC SELECT 1; END;",
                "--changeset t:x\n/* block; comment */ SELECT 1;",
                "--changeset t:x\nSELECT E'a\\';b';",
                "--changeset t:x\nSELECT 1\ngo\nSELECT 2",
                "--changeset t:x\nSELECT '${property}';",
                "--changeset t:x\n-- only a comment",
                "--changeset \"t\":x\nSELECT 1;")) {
            assertThat(PlainSql.changesets(body)).as(body).singleElement()
                    .satisfies(c -> assertThat(c.unsupported()).isNotNull());
        }
    }

    /** Liquibase's reading of {@code sql}: its changesets' statements, as its PostgreSQL executor receives them. */
    private static List<PlainSql.Changeset> liquibase(Path dir, String name, String sql, List<PlainSql.Changeset> ours)
            throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name), sql);
        Map<String, Object> values = new HashMap<>();
        values.put("liquibase.analytics.enabled", false);
        ResourceAccessor accessor = new DirectoryResourceAccessor(dir);
        values.put(Scope.Attr.resourceAccessor.name(), accessor);
        return Scope.child(values, () -> {
            PostgresDatabase database = new PostgresDatabase();
            DatabaseChangeLog log = ChangeLogParserFactory.getInstance().getParser(name, accessor)
                    .parse(name, new ChangeLogParameters(database), accessor);
            List<PlainSql.Changeset> theirs = new ArrayList<>();
            for (ChangeSet changeSet : log.getChangeSets()) {
                List<String> statements = new ArrayList<>();
                for (Change change : changeSet.getChanges()) {
                    for (SqlStatement s : change.generateStatements(database)) {
                        statements.add(s instanceof RawParameterizedSqlStatement p ? p.getSql()
                                : ((RawSqlStatement) s).getSql());
                    }
                }
                theirs.add(new PlainSql.Changeset(changeSet.getAuthor(), changeSet.getId(),
                        changeSet.isRunInTransaction(), List.copyOf(statements), null));
            }
            return theirs;
        });
    }
}
