package ai.paperclip.db.internal;

import ai.paperclip.db.InvalidUrlException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.postgresql.Driver;

/**
 * Turns what a user writes in {@code DATABASE_URL} into a {@link ConnectionTarget}: libpq URIs are
 * converted; {@code jdbc:postgresql:} URLs are taken as they are (after pgJDBC agrees it can parse them),
 * except that their password parameters move into the properties.
 */
public final class ConnectionUrls {

    private static final String JDBC_PREFIX = "jdbc:postgresql:";
    private static final Set<String> SECRET_PARAMETERS = Set.of("password", "sslpassword");

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
        String redacted = Redaction.url(url);
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        // The password moves from the URL into the properties, so the URL handed to pgJDBC and HikariCP
        // (both log it, and pgJDBC quotes it in parse errors) holds no secret.
        Properties properties = new Properties();
        StringBuilder kept = new StringBuilder();
        if (query >= 0) {
            for (String parameter : url.substring(query + 1).split("&", -1)) {
                int equals = parameter.indexOf('=');
                String key = equals < 0 ? parameter : parameter.substring(0, equals);
                if (equals >= 0 && SECRET_PARAMETERS.contains(key.toLowerCase(Locale.ROOT))) {
                    properties.setProperty(key.toLowerCase(Locale.ROOT), formDecode(parameter.substring(equals + 1), redacted));
                } else if (!parameter.isEmpty()) {
                    kept.append(kept.length() == 0 ? "?" : "&").append(parameter);
                }
            }
        }
        String jdbcUrl = base + kept;
        if (!Redaction.url(jdbcUrl).equals(jdbcUrl)) {
            // pgJDBC would take "user:secret" for a host or database name and put it in its errors and logs.
            throw new InvalidUrlException("Invalid database URL " + redacted + ": a jdbc:postgresql: URL takes its"
                    + " password as a parameter, not as USER:PASSWORD@ before the host nor as ';password='; write"
                    + " jdbc:postgresql://HOST:PORT/DATABASE?user=USER&password=PASSWORD (an '@' in another"
                    + " parameter as %40), or use postgres://USER:PASSWORD@HOST:PORT/DATABASE.");
        }
        if (Driver.parseURL(jdbcUrl, null) == null) {
            throw new InvalidUrlException("Invalid database URL " + redacted + ": pgJDBC cannot"
                    + " parse it; expected jdbc:postgresql://HOST:PORT/DATABASE?user=USER.");
        }
        return new ConnectionTarget(jdbcUrl, properties, redacted);
    }

    private static String formDecode(String value, String redacted) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8); // as pgJDBC decodes URL parameters
        } catch (IllegalArgumentException e) {
            throw new InvalidUrlException("Invalid database URL " + redacted + ": the password parameter has bad"
                    + " percent-encoding: write '%' as %25 and reserved characters as %XX (UTF-8).");
        }
    }

    private static String scheme(String url) {
        int colon = url.indexOf(':');
        if (colon <= 0 || !url.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            return "(none)";
        }
        return "'" + url.substring(0, colon) + ":'";
    }
}
