package ai.paperclip.embedded;

/**
 * What {@link EmbeddedPostgres#stop(EmbeddedPostgresOptions)} did, in a sentence that names the pids
 * and the ports (never a password, never another program's arguments).
 *
 * @param outcome what happened
 * @param message what happened and, on a refusal, why and what to do
 */
public record StopResult(Outcome outcome, String message) {

    /** What happened. */
    public enum Outcome {
        /** A server of this instance (or a ghost of it) was stopped. */
        STOPPED,
        /** No server of this instance runs; nothing was signalled. */
        NOT_RUNNING,
        /** Nothing was stopped: a process of this library still uses the server, or no server is proven this instance's. */
        REFUSED
    }
}
