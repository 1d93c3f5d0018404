package ai.paperclip.schema.migration;

import java.util.List;

/**
 * Generate stopped because some changes need an explicit decision. The message lists each change,
 * its options, and the exact lines to add to {@value Decisions#FILE_NAME}.
 */
public final class UndecidedChangesException extends MigrationException {

    private static final long serialVersionUID = 1L;

    private final transient List<UndecidedChange> changes;

    public UndecidedChangesException(List<UndecidedChange> changes) {
        super(message(changes));
        this.changes = List.copyOf(changes);
    }

    /** The undecided changes, in the order of the diff. */
    public List<UndecidedChange> changes() {
        return changes;
    }

    private static String message(List<UndecidedChange> changes) {
        StringBuilder text = new StringBuilder("The schema change needs ").append(changes.size())
                .append(changes.size() == 1 ? " decision" : " decisions")
                .append(" that generate will not guess. Add the line you mean for each to ")
                .append(Decisions.FILE_NAME).append(" in the migrations folder, commit it, and run generate again:");
        for (UndecidedChange change : changes) {
            text.append("\n- ").append(change.description());
            if (change.options().size() > 1) {
                text.append(" One of:");
            }
            change.options().forEach(o -> text.append("\n    ").append(o.line()));
        }
        return text.toString();
    }
}
