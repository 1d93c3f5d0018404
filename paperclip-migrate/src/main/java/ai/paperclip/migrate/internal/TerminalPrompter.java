package ai.paperclip.migrate.internal;

import ai.paperclip.schema.migration.Decision;
import ai.paperclip.schema.migration.DecisionPrompter;
import ai.paperclip.schema.migration.UndecidedChange;
import java.io.IOException;
import java.util.Optional;

/** Asks about a rename or a data-losing change at the terminal: the options by number; anything else stops. */
public final class TerminalPrompter implements DecisionPrompter {

    private final CliContext context;

    public TerminalPrompter(CliContext context) {
        this.context = context;
    }

    @Override
    public Optional<Decision> decide(UndecidedChange change) {
        context.err().println(change.description());
        for (int i = 0; i < change.options().size(); i++) {
            context.err().println("  " + (i + 1) + ") " + change.options().get(i).line());
        }
        context.err().print("Choose 1-" + change.options().size() + " (anything else stops): ");
        context.err().flush();
        try {
            String answer = context.in().readLine();
            int choice = Integer.parseInt(answer == null ? "" : answer.strip());
            return choice >= 1 && choice <= change.options().size()
                    ? Optional.of(change.options().get(choice - 1)) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
