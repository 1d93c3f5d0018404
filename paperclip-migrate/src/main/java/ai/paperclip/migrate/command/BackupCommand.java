package ai.paperclip.migrate.command;

import ai.paperclip.db.DatabaseTarget;
import ai.paperclip.db.backup.BackupInProgressException;
import ai.paperclip.db.backup.PhysicalBackupResult;
import ai.paperclip.embedded.EmbeddedPostgres;
import ai.paperclip.embedded.EmbeddedPostgresOptions;
import ai.paperclip.embedded.ServerStatus;
import java.time.Clock;
import java.util.Optional;
import ai.paperclip.db.backup.BackupResult;
import ai.paperclip.db.backup.Backups;
import ai.paperclip.migrate.ExitCode;
import ai.paperclip.migrate.internal.BackupSettings;
import ai.paperclip.migrate.internal.CliContext;
import ai.paperclip.migrate.internal.OpenDatabase;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code backup [--dir DIR]}: {@code Backups.backup()} of the resolved database. */
@Command(name = "backup", description = "Write a backup of the resolved database (a gzipped SQL script with a manifest)"
        + " to the instance's data/backups, or --dir. Needs no pg_dump.")
public final class BackupCommand extends BaseCommand {

    @Option(names = "--dir", paramLabel = "DIR", description = "Where to write it. Default: config.json's"
            + " database.backup.dir, else <instance>/data/backups.")
    Path dir;

    @Option(names = "--json", description = "Print the result as JSON: file, sizeBytes, tables, rows, schemaVersion.")
    boolean json;

    @Option(names = "--physical", description = "A tar.gz of the embedded cluster (db/), consistent while the server"
            + " runs; restore: remove db/, unpack into the instance directory, start. Embedded default only.")
    boolean physical;

    BackupCommand(CliContext context) {
        super(context);
    }

    @Override
    protected ExitCode run() {
        if (physical) {
            return physical();
        }
        BackupResult made;
        String target;
        try (OpenDatabase db = OpenDatabase.open(context.environment(), context.terminal() ? context.err() : null)) {
            target = db.description();
            made = Backups.of(db.url(), BackupSettings.options(context.environment(), dir, true)).backup();
        } catch (BackupInProgressException e) {
            err().println("Error: " + e.getMessage());
            return ExitCode.BACKUP_IN_PROGRESS;
        }
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("file", made.file().toString());
            result.put("sizeBytes", made.sizeBytes());
            result.put("tables", made.manifest().tables().size());
            result.put("rows", made.manifest().totalRows());
            result.put("schemaVersion", made.manifest().schemaVersion());
            printJson(result);
            return ExitCode.OK;
        }
        out().println("Backed up database via " + target);
        out().println("  " + made.file() + " (" + BackupSettings.size(made.sizeBytes()) + ", "
                + made.manifest().tables().size() + " tables, " + made.manifest().totalRows() + " rows, schema "
                + made.manifest().schemaVersion() + ", " + made.took().toMillis() + " ms)");
        return ExitCode.OK;
    }

    private ExitCode physical() {
        DatabaseTarget resolved = DatabaseTarget.resolve(context.environment());
        Optional<EmbeddedPostgresOptions> embedded = resolved.embedded();
        if (embedded.isEmpty()) {
            err().println("Error: --physical copies the embedded cluster's files, but the database is "
                    + resolved.describe() + ". Take a logical backup (without --physical), or use your provider's"
                    + " backups for a hosted server.");
            return ExitCode.USAGE;
        }
        Path directory = BackupSettings.directory(context.environment(), dir);
        PhysicalBackupResult made;
        String how;
        if (EmbeddedPostgres.inspect(embedded.get()).server() == ServerStatus.Server.NOT_RUNNING) {
            how = "a plain copy of the stopped cluster";
            made = Backups.backupStoppedCluster(embedded.get().dataDirectory(), directory, Clock.systemDefaultZone());
        } else {
            try (OpenDatabase db = OpenDatabase.open(context.environment())) {
                how = "WAL " + "%s to %s";
                made = Backups.of(db.url(), BackupSettings.options(context.environment(), dir, false))
                        .backupPhysical(embedded.get().dataDirectory());
                how = String.format(how, made.startLsn(), made.stopLsn());
            } catch (BackupInProgressException e) {
                err().println("Error: " + e.getMessage());
                return ExitCode.BACKUP_IN_PROGRESS;
            }
        }
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("file", made.file().toString());
            result.put("sizeBytes", made.sizeBytes());
            result.put("physical", true);
            result.put("startLsn", made.startLsn());
            result.put("stopLsn", made.stopLsn());
            printJson(result);
            return ExitCode.OK;
        }
        out().println("Physical backup of " + embedded.get().dataDirectory() + " (" + how + ")");
        out().println("  " + made.file() + " (" + BackupSettings.size(made.sizeBytes()) + ", " + made.took().toMillis()
                + " ms)");
        return ExitCode.OK;
    }
}
