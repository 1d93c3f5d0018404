package ai.paperclip.schema.migration;

import java.util.Optional;

/**
 * Asks a person to decide a change the generator will not guess. Given only where a terminal is
 * attached; without a prompter (always in CI) generate stops with an {@link UndecidedChangesException}
 * instead of waiting for an answer.
 */
@FunctionalInterface
public interface DecisionPrompter {

    /**
     * Asks about one undecided change.
     *
     * @return the chosen option, or empty to stop generating
     */
    Optional<Decision> decide(UndecidedChange change);
}
