package ai.paperclip.db;

import ai.paperclip.db.internal.ConnectionFailures;
import ai.paperclip.db.internal.ConnectionTarget;
import ai.paperclip.db.internal.ConnectionUrls;
import ai.paperclip.db.internal.Redaction;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
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

    private DatabaseUrls() {
    }

    /** {@code url} with its password masked ({@code postgres://app:***@db/paperclip}); safe to print. */
    public static String redact(String url) {
        return Redaction.url(url);
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
