package ai.paperclip.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The validated settings of one embedded server; built by {@link EmbeddedPostgresBuilder}.
 * {@link #toString()} masks the password.
 *
 * @param dataDirectory        the cluster's data directory (absolute)
 * @param port                 the first port tried
 * @param portSetting          where {@code port} came from, named in errors ("database.embeddedPostgresPort in ...")
 * @param portAttempts         how many consecutive ports are tried when one is taken
 * @param binaries             where the PostgreSQL binaries come from
 * @param cacheDirectory       extracted binaries and cached cluster templates
 * @param logFile              PostgreSQL's log
 * @param startTimeout         the longest a start (or a wait for crash recovery) may take
 * @param registerShutdownHook close the handle when the JVM exits (the last user of a server stops it)
 * @param clusterTemplateCache copy a cached, freshly initialised cluster instead of running initdb
 * @param databaseName         the database created when missing
 * @param superuser            the cluster's superuser
 * @param password             the superuser's password (password authentication, never trust)
 * @param serverSettings       extra {@code -c name=value} settings for the server (for example {@code fsync=off} in tests)
 */
public record EmbeddedPostgresOptions(Path dataDirectory, int port, String portSetting, int portAttempts,
                                      PostgresBinaries binaries, Path cacheDirectory, Path logFile,
                                      Duration startTimeout, boolean registerShutdownHook,
                                      boolean clusterTemplateCache, String databaseName, String superuser,
                                      String password, Map<String, String> serverSettings) {

    public EmbeddedPostgresOptions {
        serverSettings = Map.copyOf(serverSettings);
    }

    /** The last port tried. */
    public int lastPort() {
        return (int) Math.min(65535L, (long) port + portAttempts - 1);
    }

    @Override
    public String toString() {
        return "EmbeddedPostgresOptions[dataDirectory=" + dataDirectory + ", port=" + port + " (" + portSetting
                + "), portAttempts=" + portAttempts + ", binaries=" + binaries + ", cacheDirectory=" + cacheDirectory
                + ", logFile=" + logFile + ", startTimeout=" + startTimeout + ", registerShutdownHook="
                + registerShutdownHook + ", clusterTemplateCache=" + clusterTemplateCache + ", databaseName="
                + databaseName + ", superuser=" + superuser + ", password=****, serverSettings=" + serverSettings + "]";
    }
}
