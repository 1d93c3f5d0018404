package ai.paperclip.spring.boot;

import ai.paperclip.db.DatabaseTarget;
import ai.paperclip.db.DatabaseUrls;
import ai.paperclip.embedded.EmbeddedPostgres;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Where the starter's own pool connects: the server Paperclip's settings name ({@code paperclip.db.url},
 * {@code DATABASE_URL}, the instance's {@code .env} or {@code config.json}), or, when none does, the instance's
 * embedded PostgreSQL, which this bean starts when it is created and stops (if it is the server's last user) when
 * the application context closes.
 *
 * <p>Why a bean whose creation starts the server, and not a {@code SmartLifecycle}: lifecycle beans start after
 * every singleton has been created, too late for the pool, the migrations and any bean that reads the database
 * while it is created; and they stop before any bean is destroyed, which would pull the database from under the
 * pool and from {@code @PreDestroy} methods. As a dependency of the {@code DataSource} this bean is created before
 * anything that uses the database and destroyed after all of it, as Boot's Testcontainers support does with
 * containers.
 */
public final class PaperclipDatabaseServer implements InitializingBean, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(PaperclipDatabaseServer.class);

    private final DatabaseTarget target;
    private volatile EmbeddedPostgres server;

    public PaperclipDatabaseServer(DatabaseTarget target) {
        this.target = target;
    }

    /** Starts (or reuses, once its identity is proven) the embedded server when the target is embedded. */
    @Override
    public void afterPropertiesSet() {
        if (target.url().isEmpty() && server == null) {
            server = target.startEmbedded();
            LOG.info("Embedded PostgreSQL {} on port {} ({})", server.version(), server.port(),
                    server.startedByThisProcess() ? "started" : "already running");
        }
    }

    /** The URL the pool opens: the configured one, or the embedded server's. */
    public String url() {
        EmbeddedPostgres running = server;
        return running != null ? running.connectionUri() : target.url().orElseThrow();
    }

    /** Where the target came from and what it is, password masked. */
    public String describe() {
        return target.describe();
    }

    /** The embedded server, when the target is embedded and it is running. */
    public Optional<EmbeddedPostgres> embedded() {
        return Optional.ofNullable(server);
    }

    /** Closes the handle on the embedded server: the last user of the server (in any process) stops it. */
    @Override
    public void destroy() {
        EmbeddedPostgres running = server;
        server = null;
        if (running != null) {
            running.close();
        }
    }

    @Override
    public String toString() {
        return "PaperclipDatabaseServer{" + target.url().map(DatabaseUrls::redact).orElse("embedded") + "}";
    }
}
