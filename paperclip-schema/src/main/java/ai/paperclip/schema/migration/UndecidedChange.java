package ai.paperclip.schema.migration;

import java.util.List;

/**
 * A change the generator will not make without an explicit decision: a dropped table or column
 * (which may really be a rename), a narrowing type change, or a new NOT NULL column without a
 * default on an existing table.
 *
 * @param description what changes and why it needs a decision, in one sentence
 * @param options the decisions that would resolve it, rename candidates first
 */
public record UndecidedChange(String description, List<Decision> options) {

    public UndecidedChange {
        options = List.copyOf(options);
    }
}
