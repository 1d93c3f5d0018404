package ai.paperclip.db.migration;

import ai.paperclip.db.PaperclipDbException;
import ai.paperclip.db.PaperclipDbOptions;
import ai.paperclip.db.internal.ConnectionTarget;
import ai.paperclip.db.internal.ConnectionUrls;
import ai.paperclip.db.migration.internal.ChangesetFailure;
import ai.paperclip.db.migration.internal.HistoryReader;
import ai.paperclip.db.migration.internal.LiquibaseRunner;
import ai.paperclip.db.migration.internal.MigrationConnection;
import ai.paperclip.db.migration.internal.MigrationFailures;
import ai.paperclip.db.migration.internal.SourceCheck;
import ai.paperclip.schema.migration.CommittedMigrations;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies committed migration histories to a database: the front door of migrations, used by
 * {@code PaperclipDb.create} at start-up and by the CLI.
 *
 * <pre>{@code
 * Migrator migrator = Migrator.configure().url(System.getenv("DATABASE_MIGRATION_URL")).load();
 * MigrationStatus status = migrator.status();   // one query, no Liquibase
 * migrator.migrate();                           // under the advisory lock, with Liquibase
 * }</pre>
 *
 * <p>{@link #status()} reads Liquibase's history table in one query and never loads Liquibase. Everything
 * that changes the database runs on a direct connection (the {@linkplain Builder#url URL}, or the data
 * source when no URL is given) under a PostgreSQL session advisory lock, so two processes never migrate
 * at once and a killed one leaves no lock behind. Never give it a connection through a transaction-mode
 * pooler (PgBouncer, Supabase port 6543): a session lock needs one server session from start to end.
 */
public final class Migrator {

    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);

    private final DataSource dataSource;
    private final ConnectionTarget target;
    private final PaperclipDbOptions connectOptions;
    private final List<MigrationSource> sources;
    private final List<CommittedMigrations> histories;
    private final MigrationListener listener;
    private final String where;

    private Migrator(Builder b, List<CommittedMigrations> histories) {
        this.dataSource = b.dataSource;
        this.target = b.url == null ? null : ConnectionUrls.parse(b.url);
        this.connectOptions = b.connectOptions;
        this.sources = List.copyOf(b.sources);
        this.histories = histories;
        this.listener = b.listener;
        this.where = target != null ? target.redactedUrl() : "the configured data source";
    }

    public static Builder configure() {
        return new Builder();
    }

    /**
     * Compares the history table with the committed histories: one query (two when there is no history).
     *
     * @throws PaperclipDbException when the database cannot be read
     */
    public MigrationStatus status() {
        try (Connection c = dataSource != null ? dataSource.getConnection() : MigrationConnection.open(target, connectOptions).connection()) {
            return HistoryReader.read(c, histories);
        } catch (SQLException e) {
            throw new PaperclipDbException("Cannot read the migration history of " + where + ": " + e.getMessage(),
                    e.getSQLState(), e);
        }
    }

    /**
     * Applies every pending migration: takes the migration lock, reads the status again under it (another
     * process may just have migrated), shows it to the {@linkplain Builder#listener listener}'s
     * {@link MigrationListener#beforeMigrate beforeMigrate} (which may refuse), then applies what is pending,
     * one transaction per changeset unless it says {@code runInTransaction:false}, telling the listener about
     * each. Nothing is pending: returns without loading Liquibase.
     *
     * @throws MigrationFailedException when a changeset fails; the database stays at the last good one
     * @throws MigrationRefusedException when a committed migration was edited (its file no longer matches the
     *     journal, or an applied changeset's checksum changed): nothing is applied
     */
    public MigrationResult migrate() {
        long start = System.nanoTime();
        MigrationStatus status = null;
        try (MigrationConnection mc = migrationConnection()) {
            mc.lock(where);
            status = HistoryReader.read(mc.connection(), histories);
            if (status.upToDate()) {
                return new MigrationResult(List.of(), List.of(), Duration.ofNanos(System.nanoTime() - start));
            }
            if (!status.edited().isEmpty()) {
                throw MigrationFailures.edited(status, where);
            }
            listener.beforeMigrate(status);
            List<String> changesets = LiquibaseRunner.update(mc.connection(), sources, listener);
            List<String> applied = migrations(changesets);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            LOG.info("{} migration{} applied to {} in {} ms{}", applied.size(), applied.size() == 1 ? "" : "s", where,
                    took.toMillis(), applied.isEmpty() ? "" : ": " + String.join(", ", applied));
            return new MigrationResult(applied, changesets, took);
        } catch (ChangesetFailure f) {
            throw MigrationFailures.describe(f, status, where, "Migrating");
        } catch (SQLException e) {
            throw new PaperclipDbException("Migrating " + where + " failed: " + e.getMessage()
                    + (e.getSQLState() == null ? "" : " [SQLSTATE " + e.getSQLState() + "]"), e.getSQLState(), e);
        }
    }

    /**
     * Rolls back the newest {@code count} changesets with their {@code --rollback} statements. Needs exactly
     * one source (the history to roll back).
     */
    public void rollback(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        MigrationSource source = singleSource("rollback");
        try (MigrationConnection mc = migrationConnection()) {
            mc.lock(where);
            LiquibaseRunner.rollback(mc.connection(), source, count);
            LOG.info("Rolled back {} changeset{} on {}", count, count == 1 ? "" : "s", where);
        } catch (ChangesetFailure f) {
            throw MigrationFailures.describe(f, null, where, "Rolling back");
        } catch (SQLException e) {
            throw new PaperclipDbException("Rollback on " + where + " failed: " + e.getMessage(), e.getSQLState(), e);
        }
    }

    /** Rolls back every applied migration after {@code tag} ({@code NNNN_name}), newest first. */
    public void rollbackTo(String tag) {
        CommittedMigrations history = histories.get(sources.indexOf(singleSource("rollbackTo")));
        int index = indexOf(history, tag);
        MigrationStatus status = status();
        int count = 0;
        for (CommittedMigrations.Migration m : history.migrations().subList(index + 1, history.migrations().size())) {
            if (status.applied().contains(m.tag())) {
                count += m.changesets().size();
            }
        }
        if (count > 0) {
            rollback(count);
        }
    }

    /**
     * Records every migration up to and including {@code upToTag} as applied without running it, for a
     * database whose tables were made another way (the CLI's {@code adopt} checks they match first).
     *
     * @return the changesets recorded
     */
    public List<String> markApplied(String upToTag) {
        MigrationSource source = singleSource("markApplied");
        CommittedMigrations history = histories.get(0);
        int index = indexOf(history, upToTag);
        List<String> included = history.migrations().subList(0, index + 1).stream()
                .map(CommittedMigrations.Migration::tag).toList();
        try (MigrationConnection mc = migrationConnection()) {
            mc.lock(where);
            List<String> marked = LiquibaseRunner.markApplied(mc.connection(), source, included::contains);
            LOG.info("Recorded {} changeset{} as applied on {} (up to {})", marked.size(),
                    marked.size() == 1 ? "" : "s", where, upToTag);
            return marked;
        } catch (ChangesetFailure f) {
            throw MigrationFailures.describe(f, null, where, "Recording migrations as applied on");
        } catch (SQLException e) {
            throw new PaperclipDbException("markApplied on " + where + " failed: " + e.getMessage(), e.getSQLState(), e);
        }
    }

    /** The histories, in the order they apply. */
    public List<MigrationSource> sources() {
        return sources;
    }

    private MigrationConnection migrationConnection() throws SQLException {
        return target != null ? MigrationConnection.open(target, connectOptions) : MigrationConnection.borrow(dataSource);
    }

    private MigrationSource singleSource(String operation) {
        if (sources.size() != 1) {
            throw new IllegalStateException(operation + " works on one history; configure a Migrator with only the"
                    + " source to change (it has " + sources.size() + ": " + sources + ")");
        }
        return sources.get(0);
    }

    private static int indexOf(CommittedMigrations history, String tag) {
        List<String> tags = history.migrations().stream().map(CommittedMigrations.Migration::tag).toList();
        int index = tags.indexOf(tag);
        if (index < 0) {
            throw new IllegalArgumentException("No migration " + tag + " in " + history.location() + "; it has "
                    + (tags.isEmpty() ? "none" : String.join(", ", tags)));
        }
        return index;
    }

    private static List<String> migrations(List<String> changesets) {
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        changesets.forEach(c -> tags.add(c.substring(0, c.indexOf('/'))));
        return new ArrayList<>(tags);
    }

    /** Configures a {@link Migrator}; not thread-safe. */
    public static final class Builder {

        private DataSource dataSource;
        private String url;
        private PaperclipDbOptions connectOptions = PaperclipDbOptions.defaults();
        private List<MigrationSource> sources = List.of(MigrationSource.paperclip());
        private MigrationListener listener = MigrationListener.NONE;

        private Builder() {
        }

        /** Told about what {@link Migrator#migrate()} does, and may refuse it; {@link MigrationListener#NONE} by default. */
        public Builder listener(MigrationListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Reads the status through {@code dataSource} (pooled, even through a pooler, is fine). Without a
         * {@link #url}, migrations run on it too: then it must be a direct connection.
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        /** A direct URL ({@code postgres://}, {@code postgresql://} or {@code jdbc:postgresql:}) for migrations. */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        /** Connect timeout, application name and prepared statements for the {@link #url} connection. */
        public Builder connectOptions(PaperclipDbOptions connectOptions) {
            this.connectOptions = Objects.requireNonNull(connectOptions, "connectOptions");
            return this;
        }

        /** The histories, applied in this order; Paperclip's own by default. */
        public Builder migrations(MigrationSource... sources) {
            return migrations(List.of(sources));
        }

        public Builder migrations(List<MigrationSource> sources) {
            this.sources = List.copyOf(sources);
            return this;
        }

        /**
         * Reads the histories (journal and files; no database, no Liquibase) and checks they cannot collide.
         *
         * @throws IllegalStateException when neither a URL nor a data source is set, or no source
         * @throws ai.paperclip.schema.migration.MigrationException when a history cannot be read or two
         *     histories declare the same changeset
         */
        public Migrator load() {
            if (dataSource == null && url == null) {
                throw new IllegalStateException("Migrator needs url(...) or dataSource(...)");
            }
            if (sources.isEmpty()) {
                throw new IllegalStateException("Migrator needs at least one MigrationSource");
            }
            List<CommittedMigrations> histories = sources.stream().map(MigrationSource::read).toList();
            SourceCheck.noSharedChangesets(histories);
            return new Migrator(this, histories);
        }
    }
}
