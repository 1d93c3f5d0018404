package ai.paperclip.migrate.command;

import ai.paperclip.db.backup.InstanceBackups;
import ai.paperclip.db.backup.VerifyReport;
import ai.paperclip.db.migration.MigrationDatabase;
import ai.paperclip.migrate.ExitCode;
import ai.paperclip.migrate.internal.BackupProgressPrinter;
import ai.paperclip.migrate.internal.CliContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code verify FILE [--embedded]}: {@code Backups.verify} on a scratch database, or on a temporary embedded server. */
@Command(name = "verify", description = "Restore FILE into a scratch database (a temporary database on the resolved"
        + " server, or a temporary embedded PostgreSQL with --embedded), compare every table's rows and checksum with"
        + " the manifest, drop the scratch database. Exit status 0 only when everything matches.")
public final class VerifyCommand extends BackupFileCommand {

    @Option(names = "--embedded", description = "Restore into a temporary embedded PostgreSQL (no server needed).")
    boolean embedded;

    @Option(names = "--json", description = "Print the report as JSON: ok, scratch, tables (table, expectedRows,"
            + " actualRows, matches).")
    boolean json;

    VerifyCommand(CliContext context) {
        super(context);
    }

    @Override
    protected ExitCode work() {
        BackupProgressPrinter progress = tableProgress("verify");
        VerifyReport report;
        try {
            report = embedded ? InstanceBackups.verifyEmbedded(context.environment(), file, progress) : verifyOnServer(progress);
        } finally {
            progress.done();
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

    private VerifyReport verifyOnServer(BackupProgressPrinter progress) {
        try (MigrationDatabase db = openDatabase()) {
            return backups(db, null, false).verify(file.toAbsolutePath(), progress);
        }
    }
}
