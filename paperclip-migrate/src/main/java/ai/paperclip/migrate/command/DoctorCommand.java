package ai.paperclip.migrate.command;

import ai.paperclip.db.DatabaseTarget;
import ai.paperclip.db.introspect.DoctorCheck;
import ai.paperclip.db.introspect.DoctorCheck.Result;
import ai.paperclip.db.introspect.DoctorCheck.Status;
import ai.paperclip.db.introspect.DoctorChecks;
import ai.paperclip.db.migration.MigrationStatus;
import ai.paperclip.migrate.ExitCode;
import ai.paperclip.migrate.internal.BackupDoctorCheck;
import ai.paperclip.migrate.internal.CliContext;
import ai.paperclip.migrate.internal.DataDirectoryCheck;
import ai.paperclip.migrate.internal.OpenDatabase;
import ai.paperclip.migrate.internal.StatusReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code doctor}: {@link DoctorChecks} (connection, server version, pg_trgm, connections), the migration
 * status, and for the embedded server its data directory and locks; one line per check.
 */
@Command(name = "doctor", description = "Check the resolved database: connection, server version (17+), pg_trgm,"
        + " connections against max_connections, migration status, and for the embedded server its data directory and"
        + " locks. One line per check; exit status 23 when a check fails.")
public final class DoctorCommand extends DatabaseCommand {

    @Option(names = "--json", description = "Print the checks as JSON.")
    boolean json;

    /** The connection test's wait when {@code --timeout} is not given, in seconds. */
    static final int DEFAULT_TIMEOUT_SECONDS = 10;

    @Spec
    CommandSpec spec;

    int timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "" + DEFAULT_TIMEOUT_SECONDS,
            description = "How long the connection test waits for the server, in whole seconds (1 or more)."
                    + " Default: ${DEFAULT-VALUE}.")
    void timeout(int seconds) {
        // Validated while parsing, so a bad value is a usage error (status 2), not a silent 1-second wait.
        if (seconds < 1) {
            throw new ParameterException(spec.commandLine(), "--timeout must be at least 1 second, got " + seconds
                    + "; give the connection test's wait in whole seconds, e.g. --timeout 10.");
        }
        timeoutSeconds = seconds;
    }

    DoctorCommand(CliContext context) {
        super(context);
    }

    @Override
    protected ExitCode run() {
        List<Result> results = new ArrayList<>();
        String target;
        try {
            DatabaseTarget resolved = DatabaseTarget.resolve(context.environment());
            target = resolved.describe();
            resolved.embedded().ifPresent(options -> results.addAll(DataDirectoryCheck.run(options)));
            results.add(BackupDoctorCheck.run(context.environment(), java.time.Clock.systemDefaultZone()));
        } catch (RuntimeException e) {
            results.add(new Result("target", Status.FAIL, e.getMessage()));
            return report("(not resolved)", results);
        }
        OpenDatabase db;
        try {
            db = openDatabase();
        } catch (RuntimeException e) {
            results.add(new Result("connection", Status.FAIL, e.getMessage().lines().findFirst().orElse("")));
            return report(target, results);
        }
        try (db) {
            target = db.description();
            results.addAll(DoctorChecks.standard().with(migrationsCheck(db))
                    .run(db.url(), Duration.ofSeconds(timeoutSeconds)));
            String readUrl = context.environment().get("DATABASE_READ_URL");
            if (readUrl != null && !readUrl.isBlank()) {
                results.addAll(DoctorChecks.replicas(readUrl, Duration.ofSeconds(timeoutSeconds)));
            }
        }
        return report(target, results);
    }

    private DoctorCheck migrationsCheck(OpenDatabase db) {
        return new DoctorCheck() {
            @Override
            public String name() {
                return "migrations";
            }

            @Override
            public Result run(Context context) {
                MigrationStatus status = db.migrator(sources()).status();
                Status verdict = !status.problems().isEmpty() ? Status.FAIL : status.upToDate() ? Status.OK : Status.WARN;
                return new Result(name(), verdict, StatusReport.reason(status));
            }
        };
    }

    private ExitCode report(String target, List<Result> results) {
        ExitCode code = DoctorChecks.anyFailed(results) ? ExitCode.DOCTOR_FAILED : ExitCode.OK;
        if (json) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("target", target);
            report.put("ok", code == ExitCode.OK);
            report.put("checks", results.stream().map(r -> Map.of("name", r.name(), "status", r.status().name(),
                    "message", r.message())).toList());
            printJson(report);
            return code;
        }
        out().println("Database via " + target);
        for (Result r : results) {
            String line = r.line();
            out().println(switch (r.status()) {
                case OK -> style.ok(line);
                case WARN, SKIPPED -> style.warn(line);
                case FAIL -> style.fail(line);
            });
        }
        return code;
    }
}
