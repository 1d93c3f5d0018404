package ai.paperclip.embedded.internal;

import ai.paperclip.embedded.EmbeddedPostgresOptions;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the last user of a server does at close, with the exclusive {@link ServerUsers} lock held: stop
 * the server if this library started it (whichever process that was), and never fail: a postmaster that
 * died or was killed meanwhile is logged, not thrown, so that closing always succeeds.
 */
public final class ServerShutdown {

    private static final Logger LOG = LoggerFactory.getLogger(ServerShutdown.class);

    private ServerShutdown() {
    }

    public static void lastUserOut(EmbeddedPostgresOptions options, Installation installation, Path real) {
        Optional<PidFile> lock = PidFile.read(real);
        Optional<PidFile> mark = StartedMark.read(options.dataDirectory());
        if (lock.isEmpty()) {
            if (mark.isPresent() && Ghosts.isProvenGhost(mark.get().pid(), real.toString())) {
                // Its directory was deleted or moved while it ran: without this it would keep the port.
                boolean gone = Ghosts.stop(installation, mark.get().pid(), options.startTimeout());
                LOG.warn("The data directory {} of PostgreSQL pid {} was deleted or moved while it ran; {}", real,
                        mark.get().pid(), gone ? "stopped it" : "it did not stop: end it yourself");
            } else {
                LOG.info("PostgreSQL for {} is not running (no {}): nothing to stop", real, PidFile.NAME);
            }
            return;
        }
        long pid = lock.get().pid();
        if (!lock.get().isAlivePostgres()) {
            LOG.info("PostgreSQL for {} is already gone ({}; it died or was killed): nothing to stop. The next start"
                    + " recovers it from its write-ahead log", real, ProcessNames.describe(pid));
            return;
        }
        if (mark.isEmpty() || !mark.get().sameServerAs(lock.get())) {
            LOG.info("Leaving PostgreSQL for {} running (pid {}): it was not started by this library", real, pid);
            return;
        }
        ProcessRunner.Result result = new PgCtl(installation, real).stop(options.startTimeout());
        if (result.ok()) {
            LOG.info("Stopped PostgreSQL for {} (pid {}, port {}): its last user closed", real, pid,
                    lock.get().port().isPresent() ? lock.get().port().getAsInt() : "?");
        } else if (!ProcessNames.isAlivePostgres(pid)) {
            LOG.info("PostgreSQL for {} ended while it was being stopped (pid {})", real, pid);
        } else {
            LOG.warn("Could not stop PostgreSQL for {} (pid {}): pg_ctl stop exited {}: {}\n{}", real, pid,
                    result.exitCode(), result.output().strip(), LogTail.format(LogTail.read(options.logFile())));
        }
    }
}
