package ai.paperclip.db.introspect;

import ai.paperclip.db.PaperclipDbException;
import java.util.Optional;

/**
 * Push changed nothing because a change would lose data without {@code force}, cannot succeed on
 * the existing rows, or needs a decision push does not take. The message lists each affected change
 * with its row count and the way forward; {@link #plan()} holds the whole plan for printing.
 */
public class PushRefusedException extends PaperclipDbException {

    private static final long serialVersionUID = 1L;

    private final transient PushResult plan;

    public PushRefusedException(String message, PushResult plan, Throwable cause) {
        super(message, null, cause);
        this.plan = plan;
    }

    /** The plan that was refused, when one could be made (not when a decision was missing). */
    public Optional<PushResult> plan() {
        return Optional.ofNullable(plan);
    }
}
