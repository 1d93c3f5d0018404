package ai.paperclip.migrate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Table progress: on a terminal only, each line replacing the last, erased at the end, no control characters. */
class BackupProgressPrinterTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private BackupProgressPrinter printer(boolean terminal) {
        return new BackupProgressPrinter(new CliContext(Map.of(), new PrintWriter(out, true), new PrintWriter(err, true),
                terminal, null), "restore");
    }

    @Test
    void aTerminalSeesEachTableReplacedThenErased() {
        BackupProgressPrinter progress = printer(true);
        progress.tableDone(1, 2, "\"public\".\"companies\"", 1, 512);
        progress.tableDone(2, 2, "\"public\".\"issues\"", 1200, 3 * 1024 * 1024);
        progress.done();

        assertThat(err.toString()).isEqualTo("\r\033[K  restore: table 1 of 2 (\"public\".\"companies\"), 1 row, 512 B"
                + "\r\033[K  restore: table 2 of 2 (\"public\".\"issues\"), 1200 rows, 3.0 MB\r\033[K");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aTableNameFromTheFileCannotSendControlCharactersToTheTerminal() {
        BackupProgressPrinter progress = printer(true);
        progress.tableDone(1, 1, "\"public\".\"x\033]0;owned\007\r\"", 0, 0);

        assertThat(err.toString()).isEqualTo("\r\033[K  restore: table 1 of 1 (\"public\".\"x?]0;owned??\"), 0 rows, 0 B");
    }

    @Test
    void aPipeSeesNothing() {
        BackupProgressPrinter progress = printer(false);
        progress.tableDone(1, 1, "\"public\".\"companies\"", 1, 1);
        progress.done();

        assertThat(err.toString()).isEmpty();
        assertThat(out.toString()).isEmpty();
    }
}
