package ai.paperclip.db.migration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.db.migration.internal.RollbackStatements.Drop;
import org.junit.jupiter.api.Test;

/** What a migration's rollback SQL drops, read from the file as the generator and people write it. */
class RollbackStatementsTest {

    @Test
    void findsEveryDroppedTableColumnAndTruncateButNotConstraintsOrDefaults() {
        RollbackStatements rollback = RollbackStatements.of("""
                --liquibase formatted sql logicalFilePath:0003_x.sql

                --changeset acme:0003_x
                CREATE TABLE a (id int);
                --rollback ALTER TABLE issues DROP CONSTRAINT issues_fk;
                --rollback ALTER TABLE ONLY issues ALTER COLUMN priority DROP DEFAULT, DROP COLUMN priority, DROP "Weird Col";
                --rollback DROP TABLE IF EXISTS "user", public.session CASCADE;
                --rollback -- IRREVERSIBLE: drop column notes.body (structure only)
                --rollback TRUNCATE TABLE audit RESTART IDENTITY;
                --rollback UPDATE notes SET body = lower(body);
                --rollback DROP INDEX a_idx;

                --changeset acme:0003_x_index runInTransaction:false
                CREATE INDEX CONCURRENTLY a_idx ON a (id);
                --rollback DROP INDEX CONCURRENTLY a_idx;
                """);

        assertThat(rollback.everyChangesetHasRollback()).isTrue();
        assertThat(rollback.irreversible()).containsExactly("drop column notes.body (structure only)");
        assertThat(rollback.statements().get(0)).as("the newest changeset is undone first")
                .isEqualTo("DROP INDEX CONCURRENTLY a_idx");
        assertThat(rollback.drops()).extracting(Drop::description).containsExactly(
                "drop column issues.priority", "drop column issues.\"Weird Col\"", "drop table \"user\"",
                "drop table public.session", "truncate table audit");
    }

    @Test
    void onlyPlainNamesAreCountedNeverTextThatIsNotAName() {
        RollbackStatements rollback = RollbackStatements.of("""
                --changeset acme:1
                SELECT 1;
                --rollback DROP TABLE a WHERE true, b;
                """);
        assertThat(rollback.drops()).extracting(Drop::description).containsExactly("drop table b");
    }

    @Test
    void aChangesetWithoutRollbackLinesCannotBeUndone() {
        RollbackStatements rollback = RollbackStatements.of("""
                --changeset acme:1
                UPDATE notes SET body = upper(body);
                --changeset acme:2
                SELECT 1;
                --rollback empty
                """);
        assertThat(rollback.everyChangesetHasRollback()).isFalse();
        assertThat(rollback.statements()).isEmpty();
        assertThat(rollback.drops()).isEmpty();
    }
}
