package ai.paperclip.db.backup.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.paperclip.db.backup.CorruptBackupException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptReaderTest {

    /** Records what the reader finds, one string per event. */
    private static final class Events implements ScriptHandler {
        final List<String> seen = new ArrayList<>();

        @Override
        public void statement(String sql) {
            seen.add("SQL " + sql);
        }

        @Override
        public void copyBegin(String sql) {
            seen.add("COPY " + sql);
        }

        @Override
        public void copyLine(byte[] line, int length) {
            seen.add("ROW " + new String(line, 0, length, StandardCharsets.UTF_8));
        }

        @Override
        public void copyEnd() {
            seen.add("END");
        }

        @Override
        public void manifestLine(String line) {
            seen.add("MANIFEST " + line);
        }

        @Override
        public void metaCommand(String line) {
            seen.add("META " + line);
        }
    }

    private static List<String> read(String script) throws Exception {
        Events events = new Events();
        ScriptReader.read(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), events);
        return events.seen;
    }

    @Test
    void semicolonsInsideQuotesCommentsAndDollarQuotesDoNotEndAStatement() throws Exception {
        assertThat(read("""
                SELECT 'a;b', "c;d", E'e\\';f', $$g;h$$, $tag$ i; $$ j; $tag$; -- k; l
                /* m; /* nested; */ n; */ SELECT 2;
                CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true THEN 2 END; END;
                SELECT 3""")).containsExactly(
                "SQL SELECT 'a;b', \"c;d\", E'e\\';f', $$g;h$$, $tag$ i; $$ j; $tag$",
                "SQL /* m; /* nested; */ n; */ SELECT 2",
                "SQL CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true THEN 2 END; END",
                "SQL SELECT 3");
    }

    @Test
    void copyDataIsPassedLineByLineUntilBackslashDotAndMetaAndManifestLinesAreSeparate() throws Exception {
        assertThat(read("""
                \\restrict abc
                -- paperclip-backup format 1
                COPY public.t (a) FROM stdin;
                x\\\\.
                \\\\.
                \\.
                SELECT 1;
                """)).containsExactly("META \\restrict abc", "MANIFEST -- paperclip-backup format 1",
                "COPY COPY public.t (a) FROM stdin", "ROW x\\\\.\n", "ROW \\\\.\n", "END", "SQL SELECT 1");
    }

    @Test
    void upstreamBreakpointLinesSeparateStatementsWithoutSemicolons() throws Exception {
        assertThat(read("BEGIN;\n" + ScriptReader.BREAKPOINT + "\nINSERT INTO t VALUES ($paperclip$a\n"
                + ScriptReader.BREAKPOINT + "\n$paperclip$)\n" + ScriptReader.BREAKPOINT + "\nCOMMIT;\n"))
                .containsExactly("SQL BEGIN", "SQL INSERT INTO t VALUES ($paperclip$a\n" + ScriptReader.BREAKPOINT
                        + "\n$paperclip$)", "SQL COMMIT");
    }

    @Test
    void aScriptEndingInsideACopyBlockOrAQuoteIsRefused() {
        assertThatThrownBy(() -> read("COPY t FROM stdin;\nrow\n")).isInstanceOf(CorruptBackupException.class)
                .hasMessageContaining("truncated");
        assertThatThrownBy(() -> read("SELECT 'open")).isInstanceOf(CorruptBackupException.class)
                .hasMessageContaining("truncated");
    }
}
