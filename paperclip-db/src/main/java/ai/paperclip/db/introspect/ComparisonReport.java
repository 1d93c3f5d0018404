package ai.paperclip.db.introspect;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of comparing a live schema with an expected one (see {@link SchemaComparison}).
 *
 * @param failures objects the expected schema defines that are missing or different: any one
 *     means the database does not have the expected schema
 * @param warnings objects the expected schema does not define (other tables, extra columns,
 *     indexes, keys, extensions): a larger application's additions, reported but accepted
 * @param drizzleHistory the upstream drizzle-kit history, when the database has one
 */
public record ComparisonReport(List<Difference> failures, List<Difference> warnings,
        Optional<DrizzleHistory> drizzleHistory) {

    public ComparisonReport {
        failures = List.copyOf(failures);
        warnings = List.copyOf(warnings);
        drizzleHistory = drizzleHistory == null ? Optional.empty() : drizzleHistory;
    }

    /** Whether the live schema has everything the expected one defines, as defined (warnings allowed). */
    public boolean matches() {
        return failures.isEmpty();
    }

    /** Every difference as one line: failures first, then warnings, each in schema order. */
    public List<String> lines() {
        return java.util.stream.Stream.concat(failures.stream(), warnings.stream()).map(Difference::toString).toList();
    }
}
