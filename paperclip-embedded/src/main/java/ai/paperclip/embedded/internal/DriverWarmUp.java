package ai.paperclip.embedded.internal;

import java.security.GeneralSecurityException;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Properties;
import javax.crypto.SecretKeyFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Does, while a spawned server starts, the JVM's share of the first connection to it: in a fresh JVM that
 * connection loads about 550 classes (pgJDBC's connection path, its SCRAM client, the JDK's PBKDF2 and calendar
 * data), which took longer than the server's whole start. PostgreSQL starts in its own process, on the other
 * core; this runs on the starting thread meanwhile, so no class is initialised by two threads at once and
 * nothing changes order. A class name this pgJDBC does not have is skipped: it then loads on first use, as before.
 */
final class DriverWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(DriverWarmUp.class);

    /** The roots of the first connection's classes: loading and initialising them pulls in most of the rest. */
    private static final List<String> CLASSES = List.of(
            "org.postgresql.jdbc.PgConnection",
            "org.postgresql.core.v3.ConnectionFactoryImpl",
            "org.postgresql.core.PGStream",
            "org.postgresql.core.v3.QueryExecutorImpl",
            "org.postgresql.core.v3.ScramAuthenticator",
            "org.postgresql.core.Parser",
            "org.postgresql.jdbc.PgPreparedStatement",
            "org.postgresql.jdbc.PgResultSet",
            "org.postgresql.jdbc.TypeInfoCache",
            "org.postgresql.jdbc.TimestampUtils",
            "org.postgresql.shaded.com.ongres.scram.client.ScramClient",
            "org.postgresql.shaded.com.ongres.saslprep.SASLprep",
            "org.postgresql.shaded.com.ongres.stringprep.Stringprep");

    private static volatile boolean done;

    private DriverWarmUp() {
    }

    /** Once per JVM; never throws. */
    static void run() {
        if (done) {
            return;
        }
        done = true;
        long started = System.nanoTime();
        int skipped = 0;
        try {
            org.postgresql.Driver.parseURL("jdbc:postgresql://127.0.0.1:5432/postgres", new Properties());
            ClassLoader loader = DriverWarmUp.class.getClassLoader();
            for (String name : CLASSES) {
                try {
                    Class.forName(name, true, loader);
                } catch (ClassNotFoundException e) {
                    skipped++;
                }
            }
            new GregorianCalendar().getTimeInMillis();
            // The provider lookup and its classes; deriving a throw-away key too would compete for the CPU with
            // the server and the other warm-up: it did not pay on two cores.
            SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
            LOG.debug("Warmed up the first connection's work in {} ms while the server started ({} class names absent)",
                    (System.nanoTime() - started) / 1_000_000, skipped);
        } catch (GeneralSecurityException | RuntimeException | LinkageError e) {
            LOG.debug("Connection warm-up skipped: {}", e.toString());
        }
    }
}
