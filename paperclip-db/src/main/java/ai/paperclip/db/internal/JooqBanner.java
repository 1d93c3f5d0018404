package ai.paperclip.db.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps jOOQ's logo and "tip of the day" out of the host application's log. jOOQ prints both, once per JVM,
 * when it first renders SQL, unless the system properties {@value #NO_LOGO} and {@value #NO_TIPS} are
 * true; it has no setting for them. So before any jOOQ rendering the library sets each property to
 * {@code true} when, and only when, it is not set at all: a host that sets either (to {@code false} too)
 * keeps its choice. The one global setting the library makes; documented in docs/connections.md.
 */
public final class JooqBanner {

    /** jOOQ's property for its logo. */
    public static final String NO_LOGO = "org.jooq.no-logo";
    /** jOOQ's property for its tip of the day. */
    public static final String NO_TIPS = "org.jooq.no-tips";

    private static final Logger LOG = LoggerFactory.getLogger(JooqBanner.class);

    private JooqBanner() {
    }

    /** Sets {@value #NO_LOGO} and {@value #NO_TIPS} to true where the host left them unset. Idempotent. */
    public static void silence() {
        setIfUnset(NO_LOGO);
        setIfUnset(NO_TIPS);
    }

    private static void setIfUnset(String property) {
        synchronized (System.getProperties()) {
            if (System.getProperty(property) == null) {
                System.setProperty(property, "true");
                LOG.debug("Set {}=true (unset before): jOOQ's banner stays out of the application's log", property);
            }
        }
    }
}
