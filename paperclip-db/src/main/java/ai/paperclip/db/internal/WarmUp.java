package ai.paperclip.db.internal;

import java.util.concurrent.TimeUnit;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads and initialises the classes the first jOOQ query needs (about 600 in a fresh JVM, the largest part
 * of its first-use cost) on a background thread while the embedded server starts and the main thread opens
 * the pool and runs the start-up checks, none of which uses jOOQ: two cores work instead of one. {@link #await()}
 * is called before the main thread touches jOOQ, so no jOOQ class is ever initialised by two threads at once
 * (jOOQ's static initialisers refer to each other; initialising them from two threads could deadlock). A
 * failure here changes nothing: the same classes load again, on first use, on the main thread.
 */
public final class WarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
    private static final long MAX_WAIT_SECONDS = 30;

    private final Thread thread;

    private WarmUp(Thread thread) {
        this.thread = thread;
    }

    /** Nothing to wait for: where no warm-up was started. */
    public static WarmUp none() {
        return new WarmUp(null);
    }

    /** Starts warming up on a daemon thread. */
    public static WarmUp start() {
        Thread thread = new Thread(WarmUp::run, "paperclip-db-warm-up");
        thread.setDaemon(true);
        thread.start();
        return new WarmUp(thread);
    }

    /** Waits until the warm-up is over; call before the first use of jOOQ on this thread. */
    public void await() {
        if (thread == null) {
            return;
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(MAX_WAIT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void run() {
        long started = System.nanoTime();
        try {
            // Rendering (no connection needed) initialises the DSL, the render context and PostgreSQL's dialect.
            DSL.using(SQLDialect.POSTGRES).render(DSL.select(DSL.field("id"), DSL.count()).from(DSL.table("t"))
                    .where(DSL.field("a").eq(1)).groupBy(DSL.field("id")).orderBy(DSL.field("id").desc()).limit(1));
            LOG.debug("Warmed up jOOQ in {} ms while the server started", (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("Warm-up skipped: {}", e.toString());
        }
    }
}
