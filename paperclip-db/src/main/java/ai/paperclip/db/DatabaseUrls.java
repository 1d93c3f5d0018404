package ai.paperclip.db;

import ai.paperclip.db.internal.ConnectionFailures;
import ai.paperclip.db.internal.ConnectionTarget;
import ai.paperclip.db.internal.ConnectionUrls;
import ai.paperclip.db.internal.Redaction;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;

/**
 * The URL handling of {@link PaperclipDb} for tools that need a single, unpooled connection (a
 * migration step, a CLI): the same URL forms, the same masking, the same error messages.
 *
 * <pre>{@code
 * try (Connection c = DatabaseUrls.connect(url, options, "my-tool")) { ... }
 * log.info("Connected to {}", DatabaseUrls.redact(url));
 * }</pre>
 */
public final class DatabaseUrls {

    private static final String JDBC_PREFIX = "jdbc:postgresql:";

    private DatabaseUrls() {
    }

    /** {@code url} with its password masked ({@code postgres://app:***@db/paperclip}); safe to print. */
    public static String redact(String url) {
        return Redaction.url(url);
    }

    /**
     * One URL from what a container or a secret store hands out separately: a {@code jdbc:postgresql:} URL without
     * credentials (Testcontainers' {@code getJdbcUrl()}), a user and a password. The credentials become URL
     * parameters, encoded, so any character is fine in the password; {@link PaperclipDb#create(String,
     * PaperclipDbOptions)} moves the password into the driver's properties, and {@link #redact} masks it.
     *
     * <pre>{@code
     * String url = DatabaseUrls.withCredentials(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
     * }</pre>
     *
     * @throws InvalidUrlException when {@code jdbcUrl} is not a {@code jdbc:postgresql:} URL or already names a user
     *     or password (give them once)
     */
    public static String withCredentials(String jdbcUrl, String user, String password) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        String url = jdbcUrl.strip();
        if (!url.startsWith(JDBC_PREFIX)) {
            throw new InvalidUrlException("Invalid database URL " + redact(url) + ": withCredentials takes a "
                    + JDBC_PREFIX + " URL without credentials, such as Testcontainers' getJdbcUrl(); for a postgres://"
                    + " URL put USER:PASSWORD@ in it instead.");
        }
        int query = url.indexOf('?');
        if (query >= 0) {
            for (String parameter : url.substring(query + 1).split("&")) {
                String name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
                if (name.equals("user") || name.equals("password")) {
                    throw new InvalidUrlException("Invalid database URL " + redact(url) + ": it already has a " + name
                            + " parameter; give the credentials once, either in the URL or to withCredentials.");
                }
            }
        }
        return url + (query >= 0 ? "&" : "?") + "user=" + encode(user) + "&password=" + encode(password);
    }

    private static String encode(String value) {
        // pgJDBC decodes parameter values as application/x-www-form-urlencoded.
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * A new direct connection (no pool) to {@code url}, with the connect timeout of {@code options};
     * the caller closes it.
     *
     * @throws InvalidUrlException when the URL is malformed
     * @throws ConnectionFailedException naming the (masked) target and the likely fix
     */
    public static Connection connect(String url, PaperclipDbOptions options, String applicationName) {
        ConnectionTarget target = ConnectionUrls.parse(url);
        Properties properties = target.properties();
        properties.putIfAbsent("connectTimeout", String.valueOf(Math.max(1, options.connectTimeout().toSeconds())));
        properties.putIfAbsent("ApplicationName", applicationName);
        try {
            return DriverManager.getConnection(target.jdbcUrl(), properties);
        } catch (SQLException e) {
            throw ConnectionFailures.describe(e, target);
        }
    }
}
