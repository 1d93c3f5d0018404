package ai.paperclip.migrate.command;

import ai.paperclip.db.backup.Backups;
import ai.paperclip.db.backup.CorruptBackupException;
import ai.paperclip.db.backup.VerifyReport;
import ai.paperclip.embedded.InstanceHome;
import ai.paperclip.migrate.ExitCode;
import ai.paperclip.migrate.internal.BackupSettings;
import ai.paperclip.migrate.internal.CliContext;
import ai.paperclip.migrate.internal.OpenDatabase;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code verify FILE [--embedded]}: {@code Backups.verify} on a scratch database, or on a temporary embedded server. */
@Command(name = "verify", description = "Restore FILE into a scratch database (a temporary database on the resolved"
        + " server, or a temporary embedded PostgreSQL with --embedded), compare every table's rows and checksum with"
        + " the manifest, drop the scratch database. Exit status 0 only when everything matches.")
public final class VerifyCommand extends BaseCommand {

    @Parameters(paramLabel = "FILE", description = "The backup file.")
    Path file;

    @Option(names = "--embedded", description = "Restore into a temporary embedded PostgreSQL (no server needed).")
    boolean embedded;

    @Option(names = "--json", description = "Print the report as JSON: ok, scratch, tables (table, expectedRows,"
            + " actualRows, matches).")
    boolean json;

    VerifyCommand(CliContext context) {
        super(context);
    }

    @Override
    protected ExitCode run() {
        VerifyReport report;
        try {
            report = embedded ? verifyEmbedded() : verifyOnServer();
        } catch (CorruptBackupException e) {
            err().println("Error: " + e.getMessage());
            return ExitCode.BACKUP_REFUSED;
        }
        ExitCode code = report.ok() ? ExitCode.OK : ExitCode.VERIFY_FAILED;
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("ok", report.ok());
            result.put("file", report.file().toString());
            result.put("scratch", report.scratch());
            List<Map<String, Object>> tables = report.tables().stream().map(t -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("table", t.table());
                row.put("expectedRows", t.expectedRows());
                row.put("actualRows", t.actualRows());
                row.put("matches", t.matches());
                return row;
            }).toList();
            result.put("tables", tables);
            printJson(result);
            return code;
        }
        out().println("Verified " + report.file() + " in " + report.scratch());
        for (VerifyReport.TableCheck t : report.tables()) {
            out().println("  " + (t.matches() ? style.ok("ok") + "      " : style.warn("MISMATCH") + "  ") + t.table()
                    + "  " + t.actualRows() + " rows" + (t.matches() ? "" : " (manifest: " + t.expectedRows()
                    + " rows, checksum " + t.expectedChecksum() + "; found " + t.actualChecksum() + ")"));
        }
        out().println(report.ok() ? "Everything matches the manifest." : "The backup does NOT match its manifest.");
        return code;
    }

    private VerifyReport verifyOnServer() {
        try (OpenDatabase db = OpenDatabase.open(context.environment(), context.terminal() ? context.err() : null)) {
            return Backups.of(db.url(), BackupSettings.options(context.environment(), null, false))
                    .verify(file.toAbsolutePath());
        }
    }

    private VerifyReport verifyEmbedded() {
        InstanceHome instance = BackupSettings.instance(context.environment());
        return Backups.verifyEmbedded(file.toAbsolutePath(), instance.instanceDirectory().resolve("tmp"),
                instance.cacheDirectory());
    }
}
