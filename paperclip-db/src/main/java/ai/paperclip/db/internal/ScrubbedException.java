package ai.paperclip.db.internal;

import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A stand-in for a driver or pool exception whose text quoted a secret: same class name (in
 * {@link #toString()}), same stack trace, message and causes scrubbed by {@link Redaction#scrub}. Used as
 * the cause of our exceptions so that a logged or printed stack trace cannot carry a password.
 */
public final class ScrubbedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String originalClass;

    private ScrubbedException(String originalClass, String message, StackTraceElement[] trace) {
        super(message); // the cause is set afterwards (initCause), once it is scrubbed too
        this.originalClass = originalClass;
        setStackTrace(trace);
    }

    /**
     * {@code failure} itself when no message in its chain (causes and suppressed) contains one of
     * {@code secrets}; otherwise a scrubbed copy of the chain.
     */
    public static Throwable of(Throwable failure, Collection<String> secrets) {
        if (failure == null || secrets.isEmpty() || !leaks(failure, secrets, new IdentityHashMap<>())) {
            return failure;
        }
        return copy(failure, secrets, new IdentityHashMap<>());
    }

    /** The class of the exception this one stands for. */
    public String originalClass() {
        return originalClass;
    }

    @Override
    public String toString() {
        String message = getLocalizedMessage();
        return message == null ? originalClass : originalClass + ": " + message;
    }

    private static boolean leaks(Throwable t, Collection<String> secrets, Map<Throwable, Boolean> seen) {
        if (t == null || seen.put(t, Boolean.TRUE) != null) {
            return false;
        }
        String text = t.toString();
        if (!Redaction.scrub(text, secrets).equals(text)) {
            return true;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (leaks(suppressed, secrets, seen)) {
                return true;
            }
        }
        return leaks(t.getCause(), secrets, seen);
    }

    private static Throwable copy(Throwable t, Collection<String> secrets, Map<Throwable, Throwable> done) {
        if (t == null) {
            return null;
        }
        Throwable existing = done.get(t);
        if (existing != null) {
            return existing;
        }
        ScrubbedException copy = new ScrubbedException(t.getClass().getName(),
                Redaction.scrub(t.getMessage(), secrets), t.getStackTrace());
        done.put(t, copy);
        if (t.getCause() != null && t.getCause() != t) {
            copy.initCause(copy(t.getCause(), secrets, done));
        }
        for (Throwable suppressed : t.getSuppressed()) {
            copy.addSuppressed(copy(suppressed, secrets, done));
        }
        return copy;
    }
}
