package ai.paperclip.db.introspect;

import ai.paperclip.db.PaperclipDbException;
import ai.paperclip.db.internal.ConnectionFailures;
import ai.paperclip.db.internal.ConnectionTarget;
import ai.paperclip.db.internal.ConnectionUrls;
import ai.paperclip.db.internal.ReadUrls;
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

    /**
     * One line per read replica of {@code readUrl} ({@code DATABASE_READ_URL}: one URL, a host list or several
     * URLs): in recovery, replay position and age, connections in use. A replica that is unreachable or not
     * in recovery is a WARN, not a failure: reads then run on the primary. Never throws.
     */
    public static List<Result> replicas(String readUrl, Duration connectTimeout) {
        List<Result> results = new ArrayList<>();
        List<ConnectionTarget> targets;
        try {
            targets = ReadUrls.split(readUrl);
        } catch (PaperclipDbException e) {
            results.add(new Result("replicas", Status.FAIL, e.getMessage()));
            return results;
        }
        for (ConnectionTarget target : targets) {
            String name = "replica " + ReadUrls.hostOf(target);
            try (Connection connection = connect(target, connectTimeout); Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn()::text,"
                         + " extract(epoch from now() - pg_last_xact_replay_timestamp())::bigint,"
                         + " (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'),"
                         + " current_setting('max_connections')::int")) {
                rs.next();
                String connections = rs.getInt(4) + " of max_connections " + rs.getInt(5) + " in use";
                if (!rs.getBoolean(1)) {
                    results.add(new Result(name, Status.WARN, "not in recovery (a primary, or a promoted replica):"
                            + " the application leaves it out of the read rotation; " + connections));
                } else {
                    long age = rs.getLong(3);
                    results.add(new Result(name, Status.OK, "hot standby, replayed " + rs.getString(2)
                            + (rs.wasNull() ? "" : ", last replayed transaction " + age + " s old") + "; " + connections));
                }
            } catch (SQLException | RuntimeException e) {
                results.add(new Result(name, Status.WARN, "unreachable, reads run on the primary: "
                        + ConnectionFailures.describe(e, target).getMessage()));
            }
        }
        return results;
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
