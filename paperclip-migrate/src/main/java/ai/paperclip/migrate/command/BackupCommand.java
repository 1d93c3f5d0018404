package ai.paperclip.migrate.command;

import ai.paperclip.db.DatabaseTarget;
import ai.paperclip.db.backup.BackupResult;
import ai.paperclip.db.backup.InstanceBackups;
import ai.paperclip.db.backup.PhysicalBackupResult;
import ai.paperclip.db.migration.MigrationDatabase;
import ai.paperclip.embedded.EmbeddedPostgresOptions;
import ai.paperclip.migrate.ExitCode;
import ai.paperclip.migrate.internal.BackupProgressPrinter;
import ai.paperclip.migrate.internal.CliContext;
import ai.paperclip.migrate.internal.Sizes;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code backup [--dir DIR]}: {@code Backups.backup()} of the resolved database, or {@link InstanceBackups#physical}. */
@Command(name = "backup", description = "Write a backup of the resolved database (a gzipped SQL script with a manifest)"
        + " to the instance's data/backups, or --dir. Needs no pg_dump.")
public final class BackupCommand extends BackupBase {

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
    protected ExitCode work() {
        if (physical) {
            return physical();
        }
        BackupResult made;
        String target;
        BackupProgressPrinter progress = tableProgress("backup");
        try (MigrationDatabase db = openDatabase()) {
            target = db.description();
            made = backups(db, dir, true).backup(progress);
        } finally {
            progress.done();
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
        out().println("  " + made.file() + " (" + Sizes.size(made.sizeBytes()) + ", "
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
        InstanceBackups.Physical physicalBackup = InstanceBackups.physical(embedded.get(), context.environment(), dir);
        PhysicalBackupResult made = physicalBackup.made();
        String how = physicalBackup.whileRunning() ? String.format("WAL %s to %s", made.startLsn(), made.stopLsn())
                : "a plain copy of the stopped cluster";
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
        out().println("  " + made.file() + " (" + Sizes.size(made.sizeBytes()) + ", " + made.took().toMillis()
                + " ms)");
        return ExitCode.OK;
    }
}
