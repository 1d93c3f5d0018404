package ai.paperclip.db.introspect.internal;

import ai.paperclip.db.internal.ServerVersionCheck;
import ai.paperclip.db.introspect.DoctorCheck;
import ai.paperclip.db.introspect.DoctorCheck.Result;
import ai.paperclip.db.introspect.DoctorCheck.Status;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/** The doctor's checks on a connected server: version, pg_trgm, connections in use. */
public final class StandardChecks {

    /** Above this share of {@code max_connections} in use, the connections check warns. */
    public static final int CONNECTIONS_WARN_PERCENT = 80;

    private StandardChecks() {
    }

    public static List<DoctorCheck> onServer() {
        return List.of(check("server version", StandardChecks::version), check("pg_trgm", StandardChecks::trigram),
                check("connections", StandardChecks::connections));
    }

    private static Result version(String name, Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT current_setting('server_version_num')::int, current_setting('server_version')")) {
            rs.next();
            int number = rs.getInt(1);
            String found = "PostgreSQL " + rs.getString(2) + " (server_version_num " + number + ")";
            Optional<String> problem = ServerVersionCheck.problem(number, rs.getString(2), null);
            if (problem.isPresent()) {
                return new Result(name, Status.FAIL, problem.get());
            }
            return new Result(name, Status.OK, found);
        }
    }

    private static Result trigram(String name, Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT default_version, installed_version"
                + " FROM pg_available_extensions WHERE name = 'pg_trgm'")) {
            if (!rs.next()) {
                return new Result(name, Status.FAIL, "extension pg_trgm is not available on this server; Paperclip's"
                        + " search indexes need it. Install PostgreSQL's contrib modules (Debian: postgresql-contrib)"
                        + " or use a server that offers pg_trgm.");
            }
            if (rs.getString(2) != null) {
                return new Result(name, Status.OK, "extension pg_trgm " + rs.getString(2) + " installed");
            }
            return new Result(name, Status.OK, "extension pg_trgm " + rs.getString(1) + " available, not installed yet:"
                    + " the first migration creates it (a trusted extension: the database owner may create it)");
        }
    }

    private static Result connections(String name, Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FILTER"
                + " (WHERE backend_type = 'client backend'), current_setting('max_connections')::int FROM pg_stat_activity")) {
            rs.next();
            long used = rs.getLong(1);
            int max = rs.getInt(2);
            long percent = used * 100 / max;
            String found = used + " of max_connections " + max + " in use (" + percent + "%)";
            if (percent > CONNECTIONS_WARN_PERCENT) {
                return new Result(name, Status.WARN, found + ": above " + CONNECTIONS_WARN_PERCENT + "%. Lower the pool"
                        + " sizes (DATABASE_POOL_MAX), close idle clients, raise max_connections, or put a pooler in front.");
            }
            return new Result(name, Status.OK, found);
        }
    }

    private interface Body {
        Result run(String name, Connection connection) throws SQLException;
    }

    private static DoctorCheck check(String name, Body body) {
        return new DoctorCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Result run(Context context) throws SQLException {
                return body.run(name, context.connection());
            }
        };
    }
}
