package ai.paperclip.embedded.internal;

import ai.paperclip.embedded.PostgresStartException;
import java.util.List;

/**
 * The ports the embedded server may listen on: the configured one and the next ones, {@code portAttempts}
 * in all. Both the server and the one preparing a cluster template take the first free one.
 *
 * @param first   the configured port
 * @param last    the last port tried
 * @param setting where the first port was configured (named in errors)
 */
public record PortRange(int first, int last, String setting) {

    /** True when PostgreSQL's log lines say it could not listen on its port (taken since it was checked). */
    static boolean bindFailed(List<String> lines) {
        String text = String.join("\n", lines);
        return text.contains("could not bind") || text.contains("Address already in use")
                || text.contains("could not create any TCP/IP sockets");
    }

    PostgresStartException noneFree(String who) {
        return new PostgresStartException("No free port for " + who + " in " + first + "-" + last + " (" + setting
                + ", tried " + (last - first + 1) + " ports: portAttempts). Free one of these ports, set"
                + " database.embeddedPostgresPort in config.json (or the builder's port) to a free port, or raise"
                + " portAttempts.", List.of());
    }
}
