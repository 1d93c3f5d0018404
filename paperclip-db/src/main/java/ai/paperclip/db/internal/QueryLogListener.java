package ai.paperclip.db.internal;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs {@code dsl()} queries through SLF4J: all of them at DEBUG when asked, and those at least as slow
 * as the threshold at WARN. Bind values are masked unless {@code logBindValues} is on, because they
 * carry user data and secrets.
 */
public final class QueryLogListener implements ExecuteListener {

    /** The logger every query line goes to. */
    public static final String LOGGER_NAME = "ai.paperclip.db.query";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);
    private static final String STARTED = QueryLogListener.class.getName() + ".started";

    private final boolean logAll;
    private final long slowNanos;
    private final boolean showBindValues;

    /**
     * @param logAll         log every query at DEBUG
     * @param slowThreshold  log queries at least this slow at WARN; {@code null} for never
     * @param showBindValues show bind values instead of masking them
     */
    public QueryLogListener(boolean logAll, Duration slowThreshold, boolean showBindValues) {
        this.logAll = logAll;
        this.slowNanos = slowThreshold == null ? Long.MAX_VALUE : slowThreshold.toNanos();
        this.showBindValues = showBindValues;
    }

    @Override
    public void start(ExecuteContext ctx) {
        ctx.data(STARTED, System.nanoTime());
    }

    @Override
    public void end(ExecuteContext ctx) {
        Object started = ctx.data(STARTED);
        if (!(started instanceof Long)) {
            return;
        }
        long nanos = System.nanoTime() - (Long) started;
        boolean slow = nanos >= slowNanos;
        if (slow && LOG.isWarnEnabled()) {
            LOG.warn("Slow query ({} ms): {}", nanos / 1_000_000, describe(ctx));
        } else if (logAll && LOG.isDebugEnabled()) {
            LOG.debug("Query ({} ms): {}", nanos / 1_000_000, describe(ctx));
        }
    }

    @Override
    public void exception(ExecuteContext ctx) {
        if (logAll && LOG.isDebugEnabled()) {
            LOG.debug("Query failed: {} ({})", describe(ctx),
                    ctx.sqlException() == null ? "" : ctx.sqlException().getSQLState());
        }
    }

    private String describe(ExecuteContext ctx) {
        String sql = ctx.sql();
        if (sql == null && ctx.batchSQL().length > 0) {
            sql = ctx.batchSQL()[0] + " (batch of " + ctx.batchSQL().length + ")";
        }
        return sql + bindValues(ctx.query());
    }

    private String bindValues(Query query) {
        if (query == null) {
            return "";
        }
        List<Object> values = query.getBindValues();
        if (values.isEmpty()) {
            return "";
        }
        if (!showBindValues) {
            return " [" + values.size() + " bind value" + (values.size() == 1 ? "" : "s") + " masked]";
        }
        return " [bind values: " + values.stream()
                .map(String::valueOf)
                .collect(Collectors.joining(", ")) + "]";
    }
}
