package ai.paperclip.migrate.internal;

import ai.paperclip.db.DatabaseTarget;
import ai.paperclip.db.DatabaseUrls;
import ai.paperclip.db.PaperclipDbOptions;
import ai.paperclip.db.migration.MigrationListener;
import ai.paperclip.db.migration.MigrationSource;
import ai.paperclip.db.migration.Migrator;
import ai.paperclip.embedded.EmbeddedPostgres;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The database a command works on, resolved as Paperclip resolves it ({@code DATABASE_URL}, else the
 * instance's {@code .env}, else {@code config.json}, else the embedded server: docs/database-modes.md) and
 * ready to use: a URL with its credentials, or the instance's embedded server, started when it was not
 * running. {@link #close()} stops the embedded server when this command was its last user.
 *
 * <p>{@code DATABASE_MIGRATION_URL}, when set beside a URL target, is used instead: every command of the
 * CLI is a migration-time command and wants the direct connection, not the pooler.
 */
public final class OpenDatabase implements AutoCloseable {

    private final String url;
    private final String description;
    private final PaperclipDbOptions options;
    private final EmbeddedPostgres server;

    private OpenDatabase(String url, String description, PaperclipDbOptions options, EmbeddedPostgres server) {
        this.url = url;
        this.description = description;
        this.options = options;
        this.server = server;
    }

    /** Resolves the target from {@code env}; starts (or reuses) the embedded server when it is the target. */
    public static OpenDatabase open(Map<String, String> env) {
        return open(env, null);
    }

    /**
     * As {@link #open(Map)}; when the embedded server has no cluster yet (its first start extracts PostgreSQL and
     * runs initdb, up to 20 seconds of silence otherwise), says so on {@code progress} before and after.
     *
     * @param progress where to report the first start (stderr on a terminal), or null for nothing
     */
    public static OpenDatabase open(Map<String, String> env, PrintWriter progress) {
        DatabaseTarget target = DatabaseTarget.resolve(env);
        PaperclipDbOptions options = PaperclipDbOptions.fromEnvironment(target.environment());
        if (target.url().isPresent()) {
            Optional<String> migrationUrl = options.migrationUrl();
            return migrationUrl.map(u -> new OpenDatabase(u, "DATABASE_MIGRATION_URL: " + DatabaseUrls.redact(u), options, null))
                    .orElseGet(() -> new OpenDatabase(target.url().get(), target.describe(), options, null));
        }
        boolean firstStart = progress != null && target.embedded()
                .map(o -> !Files.exists(o.dataDirectory().resolve("PG_VERSION"))).orElse(false);
        long start = System.nanoTime();
        if (firstStart) {
            progress.println("First start of the embedded PostgreSQL: extracting its binaries and creating the cluster in "
                    + target.embedded().get().dataDirectory() + " (initdb; this takes up to 20 s, once)...");
            progress.flush();
        }
        EmbeddedPostgres server = target.startEmbedded();
        if (firstStart) {
            progress.println("Embedded PostgreSQL " + server.version() + " ready on port " + server.port() + " after "
                    + (System.nanoTime() - start) / 1_000_000 + " ms.");
            progress.flush();
        }
        return new OpenDatabase(server.connectionUri(), target.describe(), options, server);
    }

    /** The URL with its credentials: for the libraries only, never for printing. */
    public String url() {
        return url;
    }

    /** Where the database came from and what it is, password masked. */
    public String description() {
        return description;
    }

    /** The embedded server, when the target is the instance's embedded PostgreSQL. */
    public Optional<EmbeddedPostgres> embeddedServer() {
        return Optional.ofNullable(server);
    }

    /** A migrator on this database for {@code sources}, with the connect settings of the environment. */
    public Migrator migrator(List<MigrationSource> sources) {
        return migrator(sources, MigrationListener.NONE);
    }

    /** A migrator on this database for {@code sources} that tells {@code listener} what it does. */
    public Migrator migrator(List<MigrationSource> sources, MigrationListener listener) {
        return Migrator.configure().url(url).connectOptions(options).migrations(sources).listener(listener).load();
    }

    /** A new direct connection; the caller closes it. */
    public Connection connect() {
        return DatabaseUrls.connect(url, options, "paperclip-migrate");
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
