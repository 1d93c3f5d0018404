package ai.paperclip.migrate.command;

import ai.paperclip.db.introspect.Doctor;
import ai.paperclip.db.introspect.DoctorCheck.Result;
import ai.paperclip.db.introspect.DoctorReport;
import ai.paperclip.migrate.ExitCode;
import ai.paperclip.migrate.internal.CliContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code doctor}: {@link Doctor#run} (connection, server version, pg_trgm, connections, the migration status, and
 * for the embedded server its data directory and locks), one line per check.
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
        DoctorReport report = Doctor.run(context.environment(), sources(), Duration.ofSeconds(timeoutSeconds), progress());
        ExitCode code = report.ok() ? ExitCode.OK : ExitCode.DOCTOR_FAILED;
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("target", report.target());
            result.put("ok", code == ExitCode.OK);
            result.put("checks", report.checks().stream().map(r -> Map.of("name", r.name(), "status", r.status().name(),
                    "message", r.message())).toList());
            printJson(result);
            return code;
        }
        out().println("Database via " + report.target());
        for (Result r : report.checks()) {
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
