package ai.paperclip.schema.migration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.schema.migration.internal.TransactionControl.Finding;
import org.junit.jupiter.api.Test;

/** Statements that end or start a transaction inside a changeset that runs in one, and what is not such a statement. */
class TransactionControlTest {

    @Test
    void findsEachTransactionControlStatementWithItsLine() {
        String sql = String.join("\n",
                "--liquibase formatted sql logicalFilePath:0001_backfill.sql",  // 1
                "--changeset acme:0001_backfill",                                // 2
                "UPDATE notes SET body = upper(body);",                          // 3
                "COMMIT;",                                                       // 4
                "begin; update notes set body = lower(body); end;",              // 5
                "Start   Transaction;",                                          // 6
                "SELECT 1; ROLLBACK;",                                           // 7
                "abort;",                                                        // 8
                "--rollback BEGIN;",                                             // 9
                "--rollback UPDATE notes SET body = lower(body);",               // 10
                "--rollback COMMIT WORK;");                                      // 11
        assertThat(TransactionControl.find(sql)).extracting(Finding::describe).containsExactly(
                "line 4: COMMIT", "line 5: BEGIN", "line 5: END", "line 6: START TRANSACTION", "line 7: ROLLBACK",
                "line 8: ABORT", "line 9 (--rollback): BEGIN", "line 11 (--rollback): COMMIT");
    }

    @Test
    void ignoresQuotedTextCommentsBodiesSavepointsAndChangesetsOutsideATransaction() {
        String sql = String.join("\n",
                "--changeset acme:1",
                "-- COMMIT; in a comment",
                "/* COMMIT;",
                "   ROLLBACK; */ SELECT 'COMMIT; ROLLBACK;' AS \"commit\";",
                "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $body$",
                "BEGIN",
                "  COMMIT;",
                "END;",
                "$body$;",
                "CREATE FUNCTION g() RETURNS int LANGUAGE sql",
                "BEGIN ATOMIC",
                "  SELECT 1;",
                "END;",
                "SAVEPOINT s; ROLLBACK TO SAVEPOINT s; SELECT commit_count FROM stats;",
                "--changeset acme:2 runInTransaction:false",
                "BEGIN; CREATE INDEX CONCURRENTLY i ON t (c); COMMIT;",
                "--rollback COMMIT;");
        assertThat(TransactionControl.find(sql)).isEmpty();
    }
}
