package ai.paperclip.db.internal;

import ai.paperclip.db.InvalidUrlException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * Converts a libpq connection URI ({@code postgres://} or {@code postgresql://}) into a pgJDBC URL and
 * properties, following libpq's rules: percent-decoded parts, {@code [v6]} hosts, a comma-separated host
 * list, port 5432 and database = user name by default.
 *
 * <p>User and password go into the properties, never into the JDBC URL. Our one liberty with libpq: a
 * password may contain unencoded {@code @}, {@code /} and {@code ?}, because real passwords do; the
 * userinfo ends where {@link Redaction} says it does (the last {@code @}, unless it sits in a parameter value).
 */
final class LibpqUri {

    static final int DEFAULT_PORT = 5432;
    private static final String EXPECTED = "postgres://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=require";

    private final String url;
    private final String redacted;
    private final Set<String> secrets;

    private LibpqUri(String url) {
        this.url = url;
        this.redacted = Redaction.url(url);
        this.secrets = Redaction.secretsOf(url);
    }

    static ConnectionTarget convert(String url) {
        return new LibpqUri(url).convert();
    }

    private ConnectionTarget convert() {
        String rest = url.substring(url.indexOf("://") + 3);
        int queryStart = rest.indexOf('?');
        int at = Redaction.userInfoEnd(rest, 0); // as the masking splits: never a password read as a host
        Properties properties = new Properties();
        if (at >= 0) {
            userInfo(rest.substring(0, at), properties);
            rest = rest.substring(at + 1);
            queryStart = rest.indexOf('?');
        }
        String query = queryStart < 0 ? "" : rest.substring(queryStart + 1);
        String hostAndPath = queryStart < 0 ? rest : rest.substring(0, queryStart);
        if (hostAndPath.indexOf('#') >= 0 || query.indexOf('#') >= 0) {
            throw invalid("it contains '#': a URL fragment is not allowed (percent-encode '#' as %23)");
        }
        int slash = hostAndPath.indexOf('/');
        String authority = slash < 0 ? hostAndPath : hostAndPath.substring(0, slash);
        String path = slash < 0 ? "" : hostAndPath.substring(slash + 1);

        List<String> hosts = hosts(authority);
        String database = decode(path, "the database name");
        new LibpqParameters(this::invalid).apply(query, properties);
        if (properties.containsKey(LibpqParameters.DBNAME)) {
            database = (String) properties.remove(LibpqParameters.DBNAME);
        }
        String user = properties.getProperty("user");
        if (user == null || user.isEmpty()) {
            throw invalid("it names no user; put one before the host: " + EXPECTED);
        }
        if (database.isEmpty()) {
            database = user; // libpq's default
        }
        String jdbcUrl = "jdbc:postgresql://" + String.join(",", hosts) + "/"
                + URLEncoder.encode(database, StandardCharsets.UTF_8);
        return new ConnectionTarget(jdbcUrl, properties, redacted);
    }

    private void userInfo(String userInfo, Properties properties) {
        int colon = userInfo.indexOf(':');
        String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), "the user name");
        if (!user.isEmpty()) {
            properties.setProperty("user", user);
        }
        if (colon >= 0) {
            String password = PercentDecoder.decode(userInfo.substring(colon + 1));
            if (password == null) {
                // Never echo the password, not even the broken part.
                throw invalid("the password has bad percent-encoding: write '%' as %25 and"
                        + " reserved characters as %XX (UTF-8)");
            }
            properties.setProperty("password", password);
        }
    }

    private List<String> hosts(String authority) {
        if (authority.isEmpty()) {
            throw invalid("it names no host (pgJDBC connects over TCP only, not Unix-domain sockets);"
                    + " expected " + EXPECTED);
        }
        List<String> hosts = new ArrayList<>();
        for (String spec : authority.split(",", -1)) {
            hosts.add(hostAndPort(spec));
        }
        return hosts;
    }

    private String hostAndPort(String spec) {
        String host;
        String port;
        if (spec.startsWith("[")) {
            int close = spec.indexOf(']');
            if (close < 0) {
                throw invalid("the IPv6 host '" + spec + "' has no closing ']'");
            }
            host = spec.substring(0, close + 1);
            String after = spec.substring(close + 1);
            if (!after.isEmpty() && !after.startsWith(":")) {
                throw invalid("unexpected '" + after + "' after the IPv6 host " + host);
            }
            port = after.isEmpty() ? null : after.substring(1);
        } else {
            int colon = spec.indexOf(':');
            if (colon >= 0 && spec.indexOf(':', colon + 1) >= 0) {
                throw invalid("the host '" + spec + "' has several ':'; write IPv6 addresses in brackets,"
                        + " e.g. postgres://user@[::1]:5432/db");
            }
            host = decode(colon < 0 ? spec : spec.substring(0, colon), "the host name");
            port = colon < 0 ? null : spec.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw invalid("a host in the host list is empty");
        }
        if (host.startsWith("/")) {
            throw invalid("the host '" + host + "' is a Unix-domain socket directory, which pgJDBC"
                    + " does not support; use a TCP host such as localhost");
        }
        return host + ":" + port(port, host);
    }

    private int port(String port, String host) {
        if (port == null) {
            return DEFAULT_PORT;
        }
        if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw invalid("the port '" + port + "' of host " + host + " is not a number from 1 to 65535");
        }
        return Integer.parseInt(port);
    }

    private String decode(String text, String what) {
        String decoded = PercentDecoder.decode(text);
        if (decoded == null) {
            throw invalid(what + " '" + text + "' has bad percent-encoding: write '%' as %25 and"
                    + " reserved characters as %XX (UTF-8)");
        }
        return decoded;
    }

    /** An error naming the (redacted) URL; the problem may quote a part of it, so it is scrubbed too. */
    InvalidUrlException invalid(String problem) {
        return new InvalidUrlException("Invalid database URL " + redacted + ": " + Redaction.scrub(problem, secrets) + ".");
    }

    static boolean isLibpqScheme(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("postgres://") || lower.startsWith("postgresql://");
    }
}
