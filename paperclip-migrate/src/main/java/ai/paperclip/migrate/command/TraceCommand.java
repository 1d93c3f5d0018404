package ai.paperclip.migrate.command;

import ai.paperclip.db.trace.MigrationTrace;
import ai.paperclip.db.trace.TraceReport;
import ai.paperclip.migrate.ExitCode;
import ai.paperclip.migrate.internal.CliContext;
import ai.paperclip.migrate.internal.Durations;
import ai.paperclip.migrate.internal.OpenDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trace}: the pending migrations of the resolved database applied to a throwaway copy of it under a
 * representative load ({@link MigrationTrace}); fails when a statement blocked writes longer than the
 * threshold. The database itself is only copied, never changed.
 */
@Command(name = "trace", description = "Apply the pending migrations to a throwaway copy of the database"
        + " (CREATE DATABASE ... TEMPLATE) while a reader and a writer run on each touched table; report each"
        + " statement's locks, how long it blocked writers and readers, and table rewrites. Fails when a statement"
        + " blocked writes longer than --threshold. Copying needs CREATEDB and no other session on the database.")
public final class TraceCommand extends DatabaseCommand {

    @Option(names = "--threshold", paramLabel = "DURATION", defaultValue = "1s",
            description = "The longest a statement may block writers (e.g. 500ms, 2s). Default: ${DEFAULT-VALUE}.")
    String threshold;

    @Option(names = "--scratch", paramLabel = "URL", description = "Trace on this existing copy (a restored backup)"
            + " instead of copying the database; it is changed and not dropped.")
    String scratch;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    TraceCommand(CliContext context) {
        super(context);
    }

    @Override
    protected ExitCode run() {
        MigrationTrace.Builder trace = MigrationTrace.configure().migrations(sources())
                .threshold(Durations.parse(threshold, "--threshold", spec));
        TraceReport report;
        try (OpenDatabase db = openDatabase()) {
            report = trace.url(db.url()).scratch(scratch).run();
        }
        out().println(json ? report.json() : report.text());
        return report.ok() ? ExitCode.OK : ExitCode.TRACE_FAILED;
    }
}
