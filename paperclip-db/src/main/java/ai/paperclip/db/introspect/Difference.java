package ai.paperclip.db.introspect;

/**
 * One difference between a live schema and the schema it is compared with.
 *
 * @param severity {@link Severity#FAILURE} for an object the schema defines that is missing or
 *     different; {@link Severity#WARNING} for an object the schema does not define
 * @param object what it is about: {@code table issues}, {@code column issues.title},
 *     {@code index issues_title_idx on issues}, {@code extension pg_trgm}
 * @param message what is wrong with it, in a sentence that can stand on its own
 */
public record Difference(Severity severity, String object, String message) {

    /** Whether a difference stops an adoption. */
    public enum Severity { FAILURE, WARNING }

    /** {@code column issues.title: type is character varying(80), expected text}. */
    public String line() {
        return object + ": " + message;
    }

    @Override
    public String toString() {
        return severity + " " + line();
    }
}
