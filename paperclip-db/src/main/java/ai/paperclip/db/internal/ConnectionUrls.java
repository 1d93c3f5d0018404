package ai.paperclip.db.internal;

import ai.paperclip.db.InvalidUrlException;
import java.util.Locale;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * Turns what a user writes in {@code DATABASE_URL} into a {@link ConnectionTarget}: libpq URIs are
 * converted, {@code jdbc:postgresql:} URLs are taken as they are (after pgJDBC agrees it can parse them).
 */
public final class ConnectionUrls {

    private static final String JDBC_PREFIX = "jdbc:postgresql:";

    private ConnectionUrls() {
    }

    /** Parses {@code url}; throws {@link InvalidUrlException} naming the (redacted) URL and the problem. */
    public static ConnectionTarget parse(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidUrlException("The database URL is empty. Set it to"
                    + " postgres://USER:PASSWORD@HOST:PORT/DATABASE or a jdbc:postgresql: URL.");
        }
        String trimmed = url.strip();
        if (trimmed.toLowerCase(Locale.ROOT).startsWith(JDBC_PREFIX)) {
            return jdbc(trimmed);
        }
        if (LibpqUri.isLibpqScheme(trimmed)) {
            return LibpqUri.convert(trimmed);
        }
        throw new InvalidUrlException("Invalid database URL " + Redaction.url(trimmed) + ": the scheme "
                + scheme(trimmed) + " is not supported; use postgres://, postgresql:// or jdbc:postgresql:"
                + " (e.g. postgres://USER:PASSWORD@HOST:5432/DATABASE).");
    }

    private static ConnectionTarget jdbc(String url) {
        Properties parsed = Driver.parseURL(url, null);
        if (parsed == null) {
            throw new InvalidUrlException("Invalid database URL " + Redaction.url(url) + ": pgJDBC cannot"
                    + " parse it; expected jdbc:postgresql://HOST:PORT/DATABASE?user=USER.");
        }
        // Taken as is: the driver reads user, password and the rest from the URL itself.
        return new ConnectionTarget(url, new Properties(), Redaction.url(url));
    }

    private static String scheme(String url) {
        int colon = url.indexOf(':');
        if (colon <= 0 || !url.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            return "(none)";
        }
        return "'" + url.substring(0, colon) + ":'";
    }
}
