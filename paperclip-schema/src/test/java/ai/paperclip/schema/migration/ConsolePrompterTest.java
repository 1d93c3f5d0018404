package ai.paperclip.schema.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsolePrompterTest {

    private static final UndecidedChange RENAME = new UndecidedChange("table orders was dropped and table purchases added",
            List.of(Decision.renameTable("orders", "purchases"), Decision.allowDropTable("orders")));

    private static Optional<Decision> answer(String typed, ByteArrayOutputStream shown) {
        var prompter = new GenerateMigration.ConsolePrompter(
                new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(shown, true, StandardCharsets.UTF_8));
        return prompter.decide(RENAME);
    }

    @Test
    void listsTheOptionsByNumberAndTakesTheOneChosen() {
        ByteArrayOutputStream shown = new ByteArrayOutputStream();

        assertThat(answer("1\n", shown)).contains(Decision.renameTable("orders", "purchases"));
        assertThat(shown.toString(StandardCharsets.UTF_8))
                .contains("table orders was dropped and table purchases added")
                .contains("  1) " + Decision.renameTable("orders", "purchases").line())
                .contains("  2) " + Decision.allowDropTable("orders").line())
                .contains("Choose 1-2 (anything else stops): ");
    }

    @Test
    void anythingElseDecidesNothing() {
        assertThat(answer("yes\n", new ByteArrayOutputStream())).isEmpty();
        assertThat(answer("3\n", new ByteArrayOutputStream())).isEmpty();
        assertThat(answer("", new ByteArrayOutputStream())).isEmpty();
    }
}
