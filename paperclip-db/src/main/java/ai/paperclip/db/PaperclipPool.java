package ai.paperclip.db;

import ai.paperclip.db.internal.ConnectionFailures;
import ai.paperclip.db.internal.ConnectionTarget;
import ai.paperclip.db.internal.ConnectionUrls;
import ai.paperclip.db.internal.PoolFactory;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The HikariCP pool {@link PaperclipDb#create(String, PaperclipDbOptions)} would open, for a host that owns the
 * pool itself and hands it to {@link PaperclipDb#create(javax.sql.DataSource, PaperclipDbOptions)}: Spring
 * Boot's starter makes its {@code DataSource} bean here, so the URL forms ({@code postgres://} included),
 * prepared statements, timeouts and application name are Paperclip's, and there is still one pool.
 *
 * <pre>{@code
 * HikariDataSource pool = PaperclipPool.open(url, options, config -> config.setMetricRegistry(registry));
 * PaperclipDb db = PaperclipDb.create(pool, options);   // the caller closes pool after db
 * }</pre>
 */
public final class PaperclipPool {

    private PaperclipPool() {
    }

    /**
     * Opens the pool on {@code url} with the pool settings of {@code options}, after {@code customizer} has
     * seen (and may change) the configuration, e.g. to attach metrics before the pool starts. The first
     * connection is opened before this returns; the caller closes the pool.
     *
     * @throws InvalidUrlException       when the URL is malformed
     * @throws InvalidOptionException    when prepared statements are off but the URL sets {@code prepareThreshold}
     * @throws ConnectionFailedException when the server cannot be reached or refuses us
     */
    public static HikariDataSource open(String url, PaperclipDbOptions options, Consumer<HikariConfig> customizer) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(customizer, "customizer");
        ConnectionTarget target = ConnectionUrls.parse(url);
        HikariConfig config = PoolFactory.config(target, options);
        customizer.accept(config);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw ConnectionFailures.describe(e.getCause() != null ? e.getCause() : e, target);
        }
    }
}
