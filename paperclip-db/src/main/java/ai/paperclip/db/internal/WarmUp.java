package ai.paperclip.db.internal;

import com.zaxxer.hikari.HikariConfig;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads and initialises the classes the first jOOQ query needs (about 600 in a fresh JVM, the largest part
 * of its first-use cost) and those of HikariCP's pool (about 50, with the proxies it generated at build time)
 * on a background thread while the embedded server starts: the main thread then waits on PostgreSQL, not the
 * CPU, and a second core is idle. {@link #await()} is called before the main thread touches jOOQ or HikariCP,
 * so none of their classes is ever initialised by two threads at once (jOOQ's static initialisers refer to
 * each other; initialising them from two threads could deadlock). pgJDBC is not touched here: the embedded
 * start warms it on its own thread. A failure here changes nothing: the same classes load again, on first
 * use, on the main thread.
 */
public final class WarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
    private static final long MAX_WAIT_SECONDS = 30;

    /** HikariCP's pool and the proxies a borrowed connection and its statements come wrapped in. */
    private static final List<String> POOL_CLASSES = List.of("com.zaxxer.hikari.HikariDataSource",
            "com.zaxxer.hikari.pool.HikariPool", "com.zaxxer.hikari.pool.PoolEntry",
            "com.zaxxer.hikari.util.ConcurrentBag", "com.zaxxer.hikari.pool.ProxyFactory",
            "com.zaxxer.hikari.pool.HikariProxyConnection", "com.zaxxer.hikari.pool.HikariProxyStatement",
            "com.zaxxer.hikari.pool.HikariProxyPreparedStatement", "com.zaxxer.hikari.pool.HikariProxyResultSet",
            "com.zaxxer.hikari.pool.HikariProxyDatabaseMetaData");

    private final Thread thread;

    private WarmUp(Thread thread) {
        this.thread = thread;
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
            new HikariConfig();
            ClassLoader loader = WarmUp.class.getClassLoader();
            for (String name : POOL_CLASSES) {
                try {
                    Class.forName(name, true, loader);
                } catch (ClassNotFoundException e) {
                    LOG.debug("Warm-up: no {} in this HikariCP", name);
                }
            }
            LOG.debug("Warmed up jOOQ and HikariCP in {} ms while the server started",
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("Warm-up skipped: {}", e.toString());
        }
    }
}
