package ai.paperclip.db.internal;

import ai.paperclip.db.ConnectionFailedException;
import ai.paperclip.db.PaperclipDbException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Turns a failure to connect into a {@link ConnectionFailedException} that names the (redacted) target,
 * what went wrong and the likely fix. The URL is redacted; driver messages and causes are scrubbed of its secrets.
 */
public final class ConnectionFailures {

    private ConnectionFailures() {
    }

    /** The failure as our exception: one message naming the target, the cause and the fix; no secret in it. */
    public static PaperclipDbException describe(Throwable failure, ConnectionTarget target) {
        if (failure instanceof PaperclipDbException ours) {
            return ours;
        }
        SQLException sql = find(failure, SQLException.class);
        String sqlState = sql == null ? null : sql.getSQLState();
        // Driver and pool messages may quote what they were given (a host, a database name), which a
        // malformed URL can fill with its password: scrub the text and the cause chain we keep.
        Set<String> secrets = target.secrets();
        String reason = Redaction.scrub(reason(failure, sql, sqlState), secrets);
        return new ConnectionFailedException("Cannot connect to " + target.redactedUrl() + ": " + reason
                + (sqlState == null ? "" : " [SQLSTATE " + sqlState + "]"), sqlState,
                ScrubbedException.of(failure, secrets));
    }

    private static String reason(Throwable failure, SQLException sql, String sqlState) {
        String driverMessage = sql == null ? String.valueOf(failure.getMessage()) : sql.getMessage();
        if (find(failure, UnknownHostException.class) != null) {
            return "unknown host " + find(failure, UnknownHostException.class).getMessage()
                    + ". Check the host name in the URL and that it resolves (DNS) from this machine.";
        }
        if (find(failure, ConnectException.class) != null || find(failure, NoRouteToHostException.class) != null) {
            return driverMessage + " Is PostgreSQL running, and listening on that host and port"
                    + " (listen_addresses, firewall)? Check the host and port in the URL.";
        }
        if (find(failure, SocketTimeoutException.class) != null
                || find(failure, SQLTransientConnectionException.class) != null) {
            return "timed out (" + driverMessage + "). Check the network path to the server, or raise"
                    + " connectTimeout (DATABASE_CONNECT_TIMEOUT_SECONDS).";
        }
        if (sqlState == null) {
            return driverMessage;
        }
        switch (sqlState) {
            case "28P01":
                return driverMessage + ". Check the user name and password in the URL; percent-encode"
                        + " special characters in the password (e.g. '@' as %40, '/' as %2F).";
            case "28000":
                return driverMessage + ". The server does not let this user in from here: check the user,"
                        + " the server's pg_hba.conf and the URL's sslmode.";
            case "3D000":
                return driverMessage + ". Create the database, or fix the database name in the URL path.";
            case "53300":
                return driverMessage + ". Lower poolMax (DATABASE_POOL_MAX), close other clients,"
                        + " or put a pooler (PgBouncer, Supabase port 6543) in front of the server.";
            case "57P03":
                return driverMessage + ". The server is starting up or recovering; try again shortly.";
            default:
                return driverMessage;
        }
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
