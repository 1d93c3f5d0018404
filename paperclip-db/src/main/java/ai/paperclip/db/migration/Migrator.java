package ai.paperclip.db.migration;

import ai.paperclip.db.PaperclipDbException;
import ai.paperclip.db.PaperclipDbOptions;
import ai.paperclip.db.internal.ConnectionTarget;
import ai.paperclip.db.internal.ConnectionUrls;
import ai.paperclip.db.internal.ServerVersionCheck;
import ai.paperclip.db.migration.internal.ChangesetFailure;
import ai.paperclip.db.migration.internal.HistoryReader;
import ai.paperclip.db.migration.internal.LiquibaseRunner;
import ai.paperclip.db.migration.internal.LockRetry;
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
 * migrator.migrate();                           // under the advisory lock
 * }</pre>
 *
 * <p>{@link #status()} reads Liquibase's history table in one query and never loads Liquibase; {@link #migrate()}
 * applies plain SQL changesets without it too, with Liquibase's exact result, and hands anything else to
 * Liquibase (docs/migrations.md, "Applying without Liquibase"). Everything
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
    private final MigrationTimeouts timeouts;

    private Migrator(Builder b, List<CommittedMigrations> histories) {
        this.timeouts = b.timeouts;
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
            throw new PaperclipDbException("Cannot read the migration history of " + where + ": " + MigrationFailures.oneLine(e.getMessage()),
                    e.getSQLState(), e);
        }
    }

    /**
     * {@link #status()} on a connection the caller holds and keeps (it is not closed; a missing history table
     * leaves it as it was), so that a start-up's checks share one connection.
     *
     * @throws SQLException when the history cannot be read
     */
    public MigrationStatus status(Connection connection) throws SQLException {
        return HistoryReader.read(Objects.requireNonNull(connection, "connection"), histories);
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
            List<String> control = SourceCheck.transactionControl(histories, status.pending(), false);
            if (!control.isEmpty()) {
                throw MigrationFailures.transactionControl(control, where, "migrate", status.pending());
            }
            listener.beforeMigrate(status);
            List<String> changesets = LockRetry.update(mc.connection(), sources, histories, listener, timeouts);
            List<String> applied = migrations(changesets);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            LOG.info("{} migration{} applied to {} in {} ms{}", applied.size(), applied.size() == 1 ? "" : "s", where,
                    took.toMillis(), applied.isEmpty() ? "" : ": " + String.join(", ", applied));
            return new MigrationResult(applied, changesets, took);
        } catch (ChangesetFailure f) {
            throw MigrationFailures.describe(f, status, where, "Migrating");
        } catch (SQLException e) {
            throw new PaperclipDbException("Migrating " + where + " failed: " + MigrationFailures.oneLine(e.getMessage())
                    + (e.getSQLState() == null ? "" : " [SQLSTATE " + e.getSQLState() + "]"), e.getSQLState(), e);
        }
    }

    /**
     * Rolls back the newest {@code count} applied migrations with their {@code --rollback} statements, refusing
     * (with {@link RollbackOptions#defaults()}) when that would delete rows; see {@link #rollback(int, RollbackOptions)}.
     */
    public RollbackPlan rollback(int count) {
        return rollback(count, RollbackOptions.defaults());
    }

    /**
     * Rolls back the newest {@code count} applied migrations of the one configured history, newest first, with
     * their {@code --rollback} statements, under the migration lock. First it counts the rows the rollback SQL
     * would delete (every row of a table it drops or truncates, every non-null value of a column it drops).
     *
     * @return the plan: what was undone, or with {@link RollbackOptions#dryRun()} what would be, and the counts
     * @throws RollbackRefusedException when a migration cannot be undone, or when rows would be deleted (or dropped
     *     data would come back empty) without {@link RollbackOptions#force()}; nothing was changed
     * @throws IllegalArgumentException when {@code count} is below 1 or more than the applied migrations
     */
    public RollbackPlan rollback(int count, RollbackOptions options) {
        if (count < 1) {
            throw new IllegalArgumentException("The number of migrations to roll back must be at least 1, got " + count + ".");
        }
        return rollback(options, applied -> {
            if (count > applied.size()) {
                throw new IllegalArgumentException("Cannot roll back " + count + " migrations: only " + applied.size()
                        + " of " + histories.get(0).location() + " are applied. Roll back " + applied.size() + " or fewer.");
            }
            return applied.subList(applied.size() - count, applied.size());
        });
    }

    /** Rolls back every applied migration after {@code tag} ({@code NNNN_name}), newest first, refusing data loss. */
    public RollbackPlan rollbackTo(String tag) {
        return rollbackTo(tag, RollbackOptions.defaults());
    }

    /**
     * Rolls back every applied migration after {@code tag} ({@code NNNN_name}); {@code tag} stays applied. As
     * {@link #rollback(int, RollbackOptions)} otherwise.
     */
    public RollbackPlan rollbackTo(String tag, RollbackOptions options) {
        int index = indexOf(histories.get(0), tag);
        return rollback(options, applied -> applied.stream().filter(m -> m.idx() > histories.get(0).migrations()
                .get(index).idx()).toList());
    }

    private RollbackPlan rollback(RollbackOptions options,
            java.util.function.Function<List<CommittedMigrations.Migration>, List<CommittedMigrations.Migration>> choose) {
        Objects.requireNonNull(options, "options");
        MigrationSource source = singleSource("rollback");
        try (MigrationConnection mc = migrationConnection()) {
            mc.lock(where);
            return RollbackPlanner.run(mc.connection(), source, histories, choose, options, where);
        } catch (ChangesetFailure f) {
            throw MigrationFailures.describe(f, null, where, "Rolling back");
        } catch (SQLException e) {
            throw new PaperclipDbException("Rollback on " + where + " failed: " + MigrationFailures.oneLine(e.getMessage())
                    + (e.getSQLState() == null ? "" : " [SQLSTATE " + e.getSQLState() + "]"), e.getSQLState(), e);
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
            throw new PaperclipDbException("markApplied on " + where + " failed: " + MigrationFailures.oneLine(e.getMessage())
                    + (e.getSQLState() == null ? "" : " [SQLSTATE " + e.getSQLState() + "]"), e.getSQLState(), e);
        }
    }

    /** The histories, in the order they apply. */
    public List<MigrationSource> sources() {
        return sources;
    }

    /** The connection for a change, to a server of a supported version (checked here, before any change). */
    private MigrationConnection migrationConnection() throws SQLException {
        MigrationConnection mc = target != null ? MigrationConnection.open(target, connectOptions)
                : MigrationConnection.borrow(dataSource);
        try {
            ServerVersionCheck.require(mc.connection(), where);
            return mc;
        } catch (SQLException | RuntimeException e) {
            mc.close();
            throw e;
        }
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
        private MigrationTimeouts timeouts = MigrationTimeouts.defaults();

        private Builder() {
        }

        /** Told about what {@link Migrator#migrate()} does, and may refuse it; {@link MigrationListener#NONE} by default. */
        public Builder listener(MigrationListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Lock-timeout retries and the migration session's statement timeout; {@link MigrationTimeouts#defaults()}. */
        public Builder timeouts(MigrationTimeouts timeouts) {
            this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
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
