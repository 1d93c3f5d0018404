package ai.paperclip.db.introspect;

import ai.paperclip.db.PaperclipDbException;
import ai.paperclip.db.internal.ConnectionFailures;
import ai.paperclip.db.internal.ConnectionTarget;
import ai.paperclip.db.internal.ConnectionUrls;
import ai.paperclip.db.internal.Redaction;
import ai.paperclip.db.internal.ScrubbedException;
import ai.paperclip.db.introspect.DoctorCheck.Result;
import ai.paperclip.db.introspect.DoctorCheck.Status;
import ai.paperclip.db.introspect.internal.StandardChecks;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The {@code doctor}'s checks: one connection test ({@code SELECT version()}), then checks on the
 * server (version 17+, extension {@code pg_trgm} available or installed, connections in use against
 * {@code max_connections}, warning above 80%), then any added with {@link #with(DoctorCheck)}. A
 * check that needs the database is {@link Status#SKIPPED} when the connection failed. Immutable.
 *
 * <pre>{@code
 * List<DoctorCheck.Result> results = DoctorChecks.standard().with(myCheck).run(url);
 * results.forEach(r -> log.info(r.line()));
 * boolean failed = DoctorChecks.anyFailed(results);
 * }</pre>
 */
public final class DoctorChecks {

    /** How long the connection test waits for the server. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final List<DoctorCheck> checks;

    private DoctorChecks(List<DoctorCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    /** Connection, server version, pg_trgm, connections. */
    public static DoctorChecks standard() {
        return new DoctorChecks(StandardChecks.onServer());
    }

    /** These checks and one more, run after them. */
    public DoctorChecks with(DoctorCheck check) {
        List<DoctorCheck> all = new ArrayList<>(checks);
        all.add(check);
        return new DoctorChecks(all);
    }

    /** Runs every check against {@code url} (any form {@code PaperclipDb.create} takes). */
    public List<Result> run(String url) {
        return run(url, DEFAULT_CONNECT_TIMEOUT);
    }

    /** Runs every check, waiting at most {@code connectTimeout} for the connection. Never throws for a bad target. */
    public List<Result> run(String url, Duration connectTimeout) {
        List<Result> results = new ArrayList<>();
        ConnectionTarget target;
        try {
            target = ConnectionUrls.parse(url);
        } catch (PaperclipDbException e) {
            results.add(new Result("connection", Status.FAIL, e.getMessage()));
            return skipRest(results, null);
        }
        try (Connection connection = connect(target, connectTimeout)) {
            results.add(new Result("connection", Status.OK, version(connection)));
            DoctorCheck.Context context = new DoctorCheck.Context(target.redactedUrl(), connection);
            checks.forEach(check -> results.add(runOne(check, context)));
            return results;
        } catch (SQLException | RuntimeException e) {
            if (!results.isEmpty()) {
                throw new PaperclipDbException("Doctor lost the connection to " + target.redactedUrl() + ": "
                        + Redaction.scrub(e.getMessage(), target.secrets()), e instanceof SQLException s ? s.getSQLState() : null,
                        ScrubbedException.of(e, target.secrets()));
            }
            results.add(new Result("connection", Status.FAIL, ConnectionFailures.describe(e, target).getMessage()));
            return skipRest(results, target.redactedUrl());
        }
    }

    /** Whether any result is a failure (the doctor's exit status). */
    public static boolean anyFailed(List<Result> results) {
        return results.stream().anyMatch(r -> r.status() == Status.FAIL);
    }

    private List<Result> skipRest(List<Result> results, String target) {
        DoctorCheck.Context none = new DoctorCheck.Context(target, null);
        for (DoctorCheck check : checks) {
            results.add(check.needsConnection() ? new Result(check.name(), Status.SKIPPED, "no connection")
                    : runOne(check, none));
        }
        return results;
    }

    private static Result runOne(DoctorCheck check, DoctorCheck.Context context) {
        try {
            return check.run(context);
        } catch (Exception e) {
            return new Result(check.name(), Status.FAIL, "the check itself failed: " + e.getMessage());
        }
    }

    private static Connection connect(ConnectionTarget target, Duration timeout) throws SQLException {
        Properties properties = target.properties();
        String seconds = String.valueOf(Math.max(1, timeout.toSeconds()));
        properties.putIfAbsent("connectTimeout", seconds);
        properties.putIfAbsent("loginTimeout", seconds);
        properties.putIfAbsent("ApplicationName", "paperclip-doctor");
        return DriverManager.getConnection(target.jdbcUrl(), properties);
    }

    private static String version(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT version()")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
