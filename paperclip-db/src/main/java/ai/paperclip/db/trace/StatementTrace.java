package ai.paperclip.db.trace;

import java.time.Duration;
import java.util.List;

/**
 * What one migration statement did while the trace's load ran against the tables it touched.
 *
 * @param migration {@code NNNN_name}
 * @param changeset {@code author:id}
 * @param line the line the statement starts on in the migration file
 * @param sql the statement, whitespace collapsed
 * @param locks the table locks it took ({@code table: Mode}), strongest per table; for a statement outside a
 *     transaction ({@code CONCURRENTLY}) those seen while it ran
 * @param blocksWrites tables whose INSERT/UPDATE/DELETE its locks block (until its transaction ends)
 * @param blocksReads tables whose SELECT its locks block
 * @param writersBlocked how long the load's writers waited on the migration's locks, longest single wait
 * @param readersBlocked the same for the load's readers
 * @param rewritten tables whose storage it replaced (their relfilenode changed): a full rewrite
 * @param took how long the statement ran
 */
public record StatementTrace(String migration, String changeset, int line, String sql, List<String> locks,
        List<String> blocksWrites, List<String> blocksReads, Duration writersBlocked, Duration readersBlocked,
        List<String> rewritten, Duration took) {

    public StatementTrace {
        locks = List.copyOf(locks);
        blocksWrites = List.copyOf(blocksWrites);
        blocksReads = List.copyOf(blocksReads);
        rewritten = List.copyOf(rewritten);
    }
}
