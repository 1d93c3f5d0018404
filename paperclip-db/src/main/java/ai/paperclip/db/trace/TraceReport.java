package ai.paperclip.db.trace;

import ai.paperclip.schema.model.SchemaJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of {@link MigrationTrace#run()}: every pending statement with its locks and blocking times.
 *
 * @param threshold the longest a statement may block the load's writers
 * @param statements in the order they ran
 */
public record TraceReport(Duration threshold, List<StatementTrace> statements) {

    public TraceReport {
        statements = List.copyOf(statements);
    }

    /** The statements that blocked writers longer than the threshold. */
    public List<StatementTrace> failures() {
        return statements.stream().filter(s -> s.writersBlocked().compareTo(threshold) > 0).toList();
    }

    public boolean ok() {
        return failures().isEmpty();
    }

    /** One line per statement, then the verdict. */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (StatementTrace s : statements) {
            boolean failed = s.writersBlocked().compareTo(threshold) > 0;
            out.append(failed ? "FAIL " : "ok   ").append(s.migration()).append(':').append(s.line()).append("  ")
                    .append(abbreviate(s.sql())).append('\n')
                    .append("       locks: ").append(s.locks().isEmpty() ? "none on tables" : String.join(", ", s.locks()))
                    .append("; writers blocked ").append(s.writersBlocked().toMillis()).append(" ms, readers blocked ")
                    .append(s.readersBlocked().toMillis()).append(" ms")
                    .append(s.rewritten().isEmpty() ? "" : "; REWROTE " + String.join(", ", s.rewritten()))
                    .append("; ran ").append(s.took().toMillis()).append(" ms\n");
        }
        int failed = failures().size();
        return out.append("Trace: ").append(statements.size()).append(statements.size() == 1 ? " statement" : " statements")
                .append(failed == 0 ? ", none blocked writes longer than " : ", " + failed + " blocked writes longer than ")
                .append(threshold.toMillis()).append(" ms.").toString();
    }

    public String json() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("ok", ok());
        report.put("thresholdMs", threshold.toMillis());
        report.put("statements", statements.stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("migration", s.migration());
            m.put("changeset", s.changeset());
            m.put("line", s.line());
            m.put("sql", s.sql());
            m.put("locks", s.locks());
            m.put("blocksWrites", s.blocksWrites());
            m.put("blocksReads", s.blocksReads());
            m.put("writersBlockedMs", s.writersBlocked().toMillis());
            m.put("readersBlockedMs", s.readersBlocked().toMillis());
            m.put("rewritten", s.rewritten());
            m.put("tookMs", s.took().toMillis());
            m.put("ok", s.writersBlocked().compareTo(threshold) <= 0);
            return m;
        }).toList());
        try {
            return SchemaJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviate(String sql) {
        return sql.length() > 100 ? sql.substring(0, 97) + "..." : sql;
    }
}
