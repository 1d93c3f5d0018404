package ai.paperclip.migrate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.schema.migration.Decision;
import ai.paperclip.schema.migration.UndecidedChange;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** generate's question at a terminal: the options by number on stderr; only a valid number decides. */
class TerminalPrompterTest {

    private static final UndecidedChange RENAME = new UndecidedChange("table orders was dropped and table purchases added",
            List.of(Decision.renameTable("orders", "purchases"), Decision.allowDropTable("orders")));

    private static Optional<Decision> answer(String typed, StringWriter shown, StringWriter results) {
        CliContext context = new CliContext(Map.of(), new PrintWriter(results, true), new PrintWriter(shown, true), true,
                new BufferedReader(new StringReader(typed)));
        return new TerminalPrompter(context).decide(RENAME);
    }

    @Test
    void listsTheOptionsByNumberOnStderrAndTakesTheOneChosen() {
        StringWriter shown = new StringWriter();
        StringWriter results = new StringWriter();

        assertThat(answer("1\n", shown, results)).contains(Decision.renameTable("orders", "purchases"));
        assertThat(shown.toString())
                .contains("table orders was dropped and table purchases added")
                .contains("  1) " + Decision.renameTable("orders", "purchases").line())
                .contains("  2) " + Decision.allowDropTable("orders").line())
                .endsWith("Choose 1-2 (anything else stops): ");
        assertThat(results.toString()).as("stdout stays for results a script may parse").isEmpty();
    }

    @Test
    void anythingElseDecidesNothing() {
        assertThat(answer("yes\n", new StringWriter(), new StringWriter())).isEmpty();
        assertThat(answer("3\n", new StringWriter(), new StringWriter())).isEmpty();
        assertThat(answer("0\n", new StringWriter(), new StringWriter())).isEmpty();
        assertThat(answer("", new StringWriter(), new StringWriter())).isEmpty();
    }
}
