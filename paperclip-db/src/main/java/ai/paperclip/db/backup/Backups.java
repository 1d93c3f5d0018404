package ai.paperclip.db.backup;

import ai.paperclip.db.PaperclipDbOptions;
import ai.paperclip.db.backup.internal.AtomicFile;
import ai.paperclip.db.backup.internal.BackupDirectory;
import ai.paperclip.db.backup.internal.BackupLock;
import ai.paperclip.db.backup.internal.Checksums;
import ai.paperclip.db.backup.internal.Dumper;
import ai.paperclip.db.backup.internal.FirstPass;
import ai.paperclip.db.backup.internal.PhysicalBackup;
import ai.paperclip.db.backup.internal.Restorer;
import ai.paperclip.db.backup.internal.Retention;
import ai.paperclip.db.backup.internal.ScratchDatabase;
import ai.paperclip.db.internal.ConnectionFailures;
import ai.paperclip.db.internal.ConnectionTarget;
import ai.paperclip.db.internal.ConnectionUrls;
import ai.paperclip.db.internal.PoolFactory;
import ai.paperclip.db.migration.MigrationListener;
import ai.paperclip.db.migration.MigrationResult;
import ai.paperclip.db.migration.Migrator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.postgresql.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backups of a Paperclip database, restores and verification, in-process: no {@code pg_dump}, no {@code psql}.
 * The front door of backups; the CLI's {@code backup}, {@code restore}, {@code verify} and {@code backups} are
 * a few lines over it.
 *
 * <pre>{@code
 * Backups backups = Backups.of(url, BackupOptions.builder().directory(instance.defaultBackupDirectory()).build());
 * BackupResult made = backups.backup();                 // paperclip-YYYYMMDD-HHMMSS.sql.gz, proven complete
 * VerifyReport report = backups.verify(made.file());    // restored into a scratch database and compared
 * Backups.of(hostedUrl, options).restore(made.file(), false);   // embedded -> hosted
 * }</pre>
 *
 * <p>A backup is a gzipped plain SQL script psql can also run, taken from one snapshot (a read-only
 * REPEATABLE READ transaction) with table data streamed by {@code COPY ... TO STDOUT}: memory does not grow
 * with the database. Its manifest (comment lines) holds the server version, the newest migration of each
 * history and every table's row count and checksum. It is written under a temporary name, fsynced and renamed:
 * a killed backup never leaves a file under a final name. Two backups of one database never overlap: each
 * holds a session advisory lock on the database, which dies with its session.
 */
public final class Backups {

    private static final Logger LOG = LoggerFactory.getLogger(Backups.class);
    /** How backup sessions show in pg_stat_activity. */
    public static final String APPLICATION_NAME = "paperclip-backup";

    /** The name ending of physical backups. */
    public static final String PHYSICAL_SUFFIX = ".physical.tar.gz";

    private final String url;
    private final ConnectionTarget target;
    private final BackupOptions options;

    private Backups(String url, BackupOptions options) {
        this.url = url;
        this.target = ConnectionUrls.parse(url);
        this.options = options;
    }

    /**
     * Backups of the database at {@code url} ({@code postgres://} or {@code jdbc:postgresql:}). Use a direct
     * connection, not a transaction-mode pooler: the lock and the snapshot need one server session.
     */
    public static Backups of(String url, BackupOptions options) {
        return new Backups(Objects.requireNonNull(url, "url"), Objects.requireNonNull(options, "options"));
    }

    /**
     * Writes a new backup into the options' directory.
     *
     * @throws BackupInProgressException when another backup or restore of this database is running
     * @throws BackupException when the database or the directory fails (no final-named file is left)
     */
    public BackupResult backup() {
        return backup(BackupProgress.NONE);
    }

    /** As {@link #backup()}, telling {@code progress} as each table is written. */
    public BackupResult backup(BackupProgress progress) {
        return backup(session -> { }, Objects.requireNonNull(progress, "progress"));
    }

    /** As {@link #backup()}, handing the backup's session to {@code onSession} first (the scheduler's deadline). */
    BackupResult backup(java.util.function.Consumer<Connection> onSession) {
        return backup(onSession, BackupProgress.NONE);
    }

    private BackupResult backup(java.util.function.Consumer<Connection> onSession, BackupProgress progress) {
        long start = System.nanoTime();
        Path directory = options.directory();
        String stem = BackupDirectory.stem(options.clock());
        Path temp = null;
        try (Connection c = connect(url, options.connectOptions())) {
            onSession.accept(c);
            Files.createDirectories(directory);
            AtomicFile.deleteAbandoned(directory);
            BackupLock.acquire(c, target.redactedUrl());
            temp = AtomicFile.temporary(directory, stem + BackupDirectory.SUFFIX);
            BackupManifest manifest = new Dumper(c, options.clock(), progress).dump(temp);
            Path file = AtomicFile.publish(temp, directory, stem, BackupDirectory.SUFFIX);
            long size = Files.size(file);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            LOG.info("Backup of {} written to {}: {} tables, {} rows, {} bytes in {} ms", target, file,
                    manifest.tables().size(), manifest.totalRows(), size, took.toMillis());
            return new BackupResult(file, size, manifest, took);
        } catch (SQLException e) {
            throw new BackupException("Backup of " + target + " failed: " + e.getMessage(), e.getSQLState(), e);
        } catch (IOException e) {
            throw new BackupException("Backup of " + target + " failed writing to " + directory + ": " + e
                    + ". Check free space and permissions; no backup file was left.", null, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * Writes a physical backup of the running cluster whose data directory is {@code dataDirectory} (the embedded
     * server; the URL's role must be a superuser): {@code paperclip-YYYYMMDD-HHMMSS.physical.tar.gz} with
     * {@code db/}, consistent while the server runs. Unpack it into the instance directory (after removing
     * {@code db/}) and start the server: it replays the WAL in the archive.
     *
     * @throws BackupException when the URL's server does not use {@code dataDirectory}, or the copy fails
     */
    public PhysicalBackupResult backupPhysical(Path dataDirectory) {
        long start = System.nanoTime();
        Path directory = options.directory();
        String stem = BackupDirectory.stem(options.clock());
        Path temp = null;
        try (Connection c = connect(url, options.connectOptions())) {
            Files.createDirectories(directory);
            AtomicFile.deleteAbandoned(directory);
            BackupLock.acquire(c, target.redactedUrl());
            String served;
            try (java.sql.Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery("SHOW data_directory")) {
                rs.next();
                served = rs.getString(1);
            }
            if (!Files.isDirectory(dataDirectory) || !Path.of(served).toRealPath().equals(dataDirectory.toRealPath())) {
                throw new BackupException("The server at " + target + " uses the data directory " + served + ", not "
                        + dataDirectory + ": a physical backup copies the files of the server it talks to. Give its"
                        + " own data directory, or take a logical backup (without --physical).", null, null);
            }
            temp = AtomicFile.temporary(directory, stem + PHYSICAL_SUFFIX);
            PhysicalBackup.Span span = PhysicalBackup.write(c, dataDirectory.toRealPath(), temp);
            Path file = AtomicFile.publish(temp, directory, stem, PHYSICAL_SUFFIX);
            long size = Files.size(file);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            LOG.info("Physical backup of {} written to {}: WAL {} to {}, {} bytes in {} ms", target, file,
                    span.startLsn(), span.stopLsn(), size, took.toMillis());
            return new PhysicalBackupResult(file, size, span.startLsn(), span.stopLsn(), took);
        } catch (SQLException e) {
            throw new BackupException("Physical backup of " + target + " failed: " + e.getMessage()
                    + ". It needs a superuser session and wal_level replica (the embedded default).", e.getSQLState(), e);
        } catch (IOException e) {
            throw new BackupException("Physical backup of " + target + " failed writing to " + directory + ": " + e
                    + ". Check free space and permissions; no backup file was left.", null, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * A physical backup of a stopped cluster: a plain copy of {@code dataDirectory} into the options' directory, in
     * the same format as {@link #backupPhysical}. Refused while a {@code postmaster.pid} says a server may run.
     */
    public static PhysicalBackupResult backupStoppedCluster(Path dataDirectory, Path directory, java.time.Clock clock) {
        long start = System.nanoTime();
        String stem = BackupDirectory.stem(clock);
        Path temp = null;
        try {
            Files.createDirectories(directory);
            temp = AtomicFile.temporary(directory, stem + PHYSICAL_SUFFIX);
            PhysicalBackup.copyStopped(dataDirectory.toRealPath(), temp);
            Path file = AtomicFile.publish(temp, directory, stem, PHYSICAL_SUFFIX);
            return new PhysicalBackupResult(file, Files.size(file), "", "", Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw new BackupException("Physical backup of the stopped cluster " + dataDirectory + " failed: "
                    + e.getMessage() + ". No backup file was left.", null, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * Restores {@code file} (ours, a {@code pg_dump --format=plain} script, or a TypeScript Paperclip backup,
     * gzipped or not) into this database, then applies pending migrations (unless the options say not to).
     * The file is read to its end and checked first; the restore is one transaction.
     *
     * @param clean drop the schemas the backup contains first, instead of refusing a database with tables
     * @throws CorruptBackupException truncated, corrupted or not a backup: nothing changed
     * @throws RestoreRefusedException the database has tables and {@code clean} is false: nothing changed
     */
    public RestoreResult restore(Path file, boolean clean) {
        return restore(file, clean, BackupProgress.NONE);
    }

    /** As {@link #restore(Path, boolean)}, telling {@code progress} as each table is loaded. */
    public RestoreResult restore(Path file, boolean clean, BackupProgress progress) {
        Objects.requireNonNull(progress, "progress");
        long start = System.nanoTime();
        FirstPass checked = FirstPass.check(file);
        Restorer.Outcome outcome;
        try (Connection c = connect(url, options.connectOptions())) {
            outcome = Restorer.restore(c, file, checked, clean, target.redactedUrl(), progress);
        } catch (SQLException e) {
            throw new BackupException("Restoring " + file + " into " + target + " failed, nothing was changed: "
                    + e.getMessage(), e.getSQLState(), e);
        }
        List<String> applied = migrate(checked);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        LOG.info("Restored {} ({}) into {}: {} statements, {} rows in {} ms", file, checked.format(), target,
                outcome.pass().statements(), outcome.pass().rows(), took.toMillis());
        return new RestoreResult(file, checked.format(), outcome.pass().statements(), outcome.pass().rows(), applied, took);
    }

    private List<String> migrate(FirstPass checked) {
        if (!options.migrate()) {
            return List.of();
        }
        if (checked.manifest().map(m -> !m.histories().containsKey("databasechangelog")
                && m.histories().containsKey("drizzle.__drizzle_migrations")).orElse(false)
                || "paperclip-typescript".equals(checked.format())) {
            LOG.info("Not migrating: the backup comes from the TypeScript Paperclip (drizzle history). Run"
                    + " `paperclip-migrate adopt` to take the database over.");
            return List.of();
        }
        MigrationResult result = Migrator.configure().url(url).connectOptions(options.connectOptions())
                .migrations(options.migrations()).load().migrate();
        return result.applied();
    }

    /**
     * Restores {@code file} into a temporary database on this server (the role needs CREATEDB), compares each
     * table's rows and checksum with the manifest, and drops the temporary database again.
     *
     * @throws CorruptBackupException when the file is refused before restoring
     */
    public VerifyReport verify(Path file) {
        return verify(file, BackupProgress.NONE);
    }

    /** As {@link #verify(Path)}, telling {@code progress} as each table is loaded into the scratch database. */
    public VerifyReport verify(Path file, BackupProgress progress) {
        Objects.requireNonNull(progress, "progress");
        FirstPass checked = FirstPass.check(file);
        BackupManifest manifest = requireManifest(file, checked);
        try (ScratchDatabase scratch = ScratchDatabase.create(target, options.connectOptions())) {
            return verifyInto(file, checked, manifest, scratch.url(), scratch.description(), progress);
        }
    }

    /**
     * As {@link #verify}, on a temporary embedded PostgreSQL started under {@code workDirectory} (its binaries
     * cached in {@code binaryCache}) and deleted afterwards: no server needed, nothing touched.
     */
    public static VerifyReport verifyEmbedded(Path file, Path workDirectory, Path binaryCache) {
        return verifyEmbedded(file, workDirectory, binaryCache, BackupProgress.NONE);
    }

    /** As {@link #verifyEmbedded(Path, Path, Path)}, telling {@code progress} as each table is loaded. */
    public static VerifyReport verifyEmbedded(Path file, Path workDirectory, Path binaryCache, BackupProgress progress) {
        Objects.requireNonNull(progress, "progress");
        FirstPass checked = FirstPass.check(file);
        BackupManifest manifest = requireManifest(file, checked);
        try (ScratchDatabase scratch = ScratchDatabase.embedded(workDirectory, binaryCache)) {
            return verifyInto(file, checked, manifest, scratch.url(), scratch.description(), progress);
        }
    }

    private static VerifyReport verifyInto(Path file, FirstPass checked, BackupManifest manifest, String scratchUrl,
                                           String description, BackupProgress progress) {
        try (Connection c = connect(scratchUrl, PaperclipDbOptions.builder().build())) {
            Restorer.Outcome outcome = Restorer.restore(c, file, checked, false, description, progress);
            return new VerifyReport(file, description, Checksums.compare(c, manifest, outcome.pass().copyOut()));
        } catch (SQLException | IOException e) {
            throw new BackupException("Verifying " + file + " failed while restoring it into " + description + ": "
                    + e.getMessage(), e instanceof SQLException s ? s.getSQLState() : null, e);
        }
    }

    /** The backups in the options' directory, newest first, with their size and schema version. */
    public List<BackupFile> list() {
        return list(options.directory());
    }

    /** The backups in {@code directory}, newest first. */
    public static List<BackupFile> list(Path directory) {
        try {
            return BackupDirectory.list(directory);
        } catch (IOException e) {
            throw new BackupException("Cannot list backups in " + directory + ": " + e, null, e);
        }
    }

    /**
     * Applies {@code policy} to the options' directory (weeks and months of the options' clock zone) and deletes
     * what it does not keep: only our files with a manifest, never the newest of them. Scheduled runs call it
     * after each successful backup.
     *
     * @return the deleted files, oldest first
     */
    public List<Path> prune(RetentionPolicy policy) {
        Path directory = options.directory();
        try {
            List<BackupFile> good = BackupDirectory.listWithManifest(directory);
            List<Path> deleted = new java.util.ArrayList<>();
            for (BackupFile f : Retention.toDelete(good, policy, options.clock().instant(), options.clock().getZone())) {
                Files.deleteIfExists(f.file());
                deleted.add(f.file());
                LOG.info("Retention deleted {} ({} bytes, from {})", f.file(), f.sizeBytes(), f.created());
            }
            return deleted;
        } catch (IOException e) {
            throw new BackupException("Cannot apply backup retention in " + directory + ": " + e
                    + ". Check the directory's permissions; nothing else was deleted.", null, e);
        }
    }

    /**
     * The health of the options' directory: newest good backup, its age, bytes used, free space; stale when
     * there is no good backup within two {@code interval}s. No failure or next run: {@link BackupScheduler#health()}
     * adds those.
     */
    public BackupHealth health(Duration interval) {
        return health(options.directory(), interval, options.clock());
    }

    /**
     * As {@link #health(Duration)} for {@code directory}: needs no database ({@code doctor}, {@code backups --json},
     * {@code PaperclipDb.health()}). When a {@link BackupScheduler} of this process backs up into {@code directory},
     * its last failure, next run and last verification are included, as {@link BackupScheduler#health()} has them.
     *
     * @throws BackupException when the directory exists but cannot be read
     */
    public static BackupHealth health(Path directory, Duration interval, java.time.Clock clock) {
        return BackupScheduler.running(directory)
                .map(scheduler -> scheduler.health(directory, interval, clock.instant()))
                .orElseGet(() -> Health.of(directory, interval, clock.instant(), java.util.Optional.empty(),
                        java.util.Optional.empty(), java.util.Optional.empty()));
    }

    /** Cancels the running query of server session {@code pid} from a session of its own. */
    boolean cancel(int pid) {
        try (Connection c = connect(url, options.connectOptions());
             java.sql.PreparedStatement s = c.prepareStatement("SELECT pg_cancel_backend(?)")) {
            s.setInt(1, pid);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Cannot cancel backup session {} on {}: {}", pid, target, e.getMessage());
            return false;
        }
    }

    /** A session on this database (for the scheduler's lock). */
    Connection connect() {
        return connect(url, options.connectOptions());
    }

    BackupOptions options() {
        return options;
    }

    String redactedTarget() {
        return target.redactedUrl();
    }

    private static BackupManifest requireManifest(Path file, FirstPass checked) {
        return checked.manifest().orElseThrow(() -> new BackupException(file + " has no Paperclip manifest ("
                + checked.format() + "): there are no row counts and checksums to verify against. Restore it into"
                + " an empty database with `restore` to test it.", null, null));
    }

    static Connection connect(String url, PaperclipDbOptions options) {
        ConnectionTarget t = ConnectionUrls.parse(url);
        try {
            return new Driver().connect(t.jdbcUrl(), PoolFactory.driverProperties(t, PaperclipDbOptions.builder()
                    .connectTimeout(options.connectTimeout()).applicationName(APPLICATION_NAME).build()));
        } catch (SQLException | RuntimeException e) {
            throw ConnectionFailures.describe(e, t);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                LOG.warn("Cannot delete the partial backup {}: {}", temp, e.toString());
            }
        }
    }

    @Override
    public String toString() {
        return "Backups{" + target + ", " + options.directory() + "}";
    }
}
