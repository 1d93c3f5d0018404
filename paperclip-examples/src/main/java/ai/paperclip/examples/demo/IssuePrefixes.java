package ai.paperclip.examples.demo;

import java.util.Locale;
import org.jooq.exception.DataAccessException;
import org.postgresql.util.PSQLException;

/**
 * Issue prefixes as upstream derives them ({@code server/src/services/companies.ts}): the first three
 * A-Z letters of the upper-cased company name, or {@code CMP}; when {@code companies_issue_prefix_idx}
 * says the prefix is taken, the next attempt appends {@code A}, then {@code AA}, and so on.
 */
public final class IssuePrefixes {

    /** Upstream's fallback when the name has no A-Z letter. */
    public static final String FALLBACK = "CMP";
    /** Upstream gives up after this many attempts. */
    public static final int MAX_ATTEMPTS = 10_000;
    /** The unique index that makes prefixes global. */
    public static final String UNIQUE_INDEX = "companies_issue_prefix_idx";

    private IssuePrefixes() {
    }

    /** {@code "Acme Robotics"} gives {@code ACM}; {@code "42"} gives {@code CMP}. */
    public static String base(String companyName) {
        String letters = companyName.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
        return letters.isEmpty() ? FALLBACK : letters.substring(0, Math.min(3, letters.length()));
    }

    /** Attempt 1 is the base itself; attempt n appends n - 1 letters {@code A}. */
    public static String candidate(String base, int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt starts at 1, got " + attempt);
        }
        return base + "A".repeat(attempt - 1);
    }

    /** Whether {@code e} is a unique violation (23505) of {@link #UNIQUE_INDEX}, and only that. */
    public static boolean isPrefixTaken(DataAccessException e) {
        PSQLException cause = e.getCause(PSQLException.class);
        return cause != null && "23505".equals(cause.getSQLState()) && cause.getServerErrorMessage() != null
                && UNIQUE_INDEX.equals(cause.getServerErrorMessage().getConstraint());
    }
}
