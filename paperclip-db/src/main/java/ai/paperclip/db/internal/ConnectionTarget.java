package ai.paperclip.db.internal;

import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;

/**
 * Where to connect, in the form pgJDBC takes: a JDBC URL without secrets, and the properties (user,
 * password, SSL...) that go with it. {@link #toString()} shows only the redacted URL.
 *
 * @param jdbcUrl      the URL handed to the driver; never contains a password when converted from a
 *                     libpq URI
 * @param properties   driver properties, including {@code user} and {@code password}; copied on access
 * @param redactedUrl  the URL as the user wrote it, password masked: the form used in every message
 */
public record ConnectionTarget(String jdbcUrl, Properties properties, String redactedUrl) {

    public ConnectionTarget {
        properties = copy(properties);
    }

    @Override
    public Properties properties() {
        return copy(properties);
    }

    /** The user name, if the URL or its properties name one. */
    public String user() {
        return properties.getProperty("user");
    }

    /**
     * What must never appear in a message about this target: its passwords, and anything
     * {@link Redaction#secretsOf} finds in the JDBC URL. For {@link Redaction#scrub}.
     */
    public Set<String> secrets() {
        Set<String> secrets = new LinkedHashSet<>(Redaction.secretsOf(jdbcUrl));
        for (String key : new String[] {"password", "sslpassword"}) {
            String value = properties.getProperty(key);
            if (value != null && !value.isEmpty()) {
                secrets.add(value);
            }
        }
        return secrets;
    }

    @Override
    public String toString() {
        return redactedUrl;
    }

    private static Properties copy(Properties source) {
        Properties copy = new Properties();
        copy.putAll(source);
        return copy;
    }
}
