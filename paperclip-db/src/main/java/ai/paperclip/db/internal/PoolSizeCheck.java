package ai.paperclip.db.internal;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns when {@code poolMax} exceeds what the server will ever allow: a pool that can never fill fails
 * under load with "too many clients" instead of at start, where the cause is easy to see. A warning, not
 * an error: behind a pooler the server's limit is not the one that counts.
 */
public final class PoolSizeCheck implements StartupStep {

    private static final Logger LOG = LoggerFactory.getLogger(PoolSizeCheck.class);

    @Override
    public void run(Context context) {
        int maxConnections = context.settings().maxConnections();
        int usable = maxConnections - context.settings().reservedConnections();
        // On an application's data source the pool is its own: its HikariCP size, if it has one, counts.
        HikariDataSource hikari = context.dataSource() == null ? null : HealthProbe.hikari(context.dataSource());
        int poolMax = hikari != null ? hikari.getMaximumPoolSize() : context.options().poolMax();
        if (poolMax > usable) {
            LOG.warn("poolMax (DATABASE_POOL_MAX) is {}, above the {} connections the server at {} allows"
                    + " (max_connections {} less superuser_reserved_connections {}): the pool can never fill and"
                    + " fails under load with 'too many clients'. Lower DATABASE_POOL_MAX or raise max_connections.",
                    poolMax, usable, context.target().redactedUrl(), maxConnections, maxConnections - usable);
        }
    }
}
