package ai.paperclip.db.introspect;

/**
 * The rows one change of a push would affect, counted before anything is changed.
 *
 * @param change the change, as {@code SchemaChange.description()} words it ({@code drop column goals.description})
 * @param rows how many rows (or non-null values) are affected
 * @param consequence what happens to them: {@code 3 rows deleted}, {@code 2 non-null values deleted}
 * @param kind whether the change loses data ({@link Kind#DATA_LOSS}: needs {@code force}) or cannot
 *     succeed on these rows at all ({@link Kind#BLOCKING}: push refuses even with {@code force})
 */
public record AffectedRows(String change, long rows, String consequence, Kind kind) {

    /** What affected rows mean for the push. */
    public enum Kind { DATA_LOSS, BLOCKING }

    /** {@code drop table legacy_runs: 3 rows deleted}. */
    public String line() {
        return change + ": " + consequence;
    }
}
