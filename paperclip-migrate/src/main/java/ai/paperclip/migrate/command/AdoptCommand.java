package ai.paperclip.migrate.command;

import ai.paperclip.db.introspect.ComparisonReport;
import ai.paperclip.db.introspect.Difference;
import ai.paperclip.db.introspect.SchemaComparison;
import ai.paperclip.db.migration.MigrationSource;
import ai.paperclip.db.migration.Migrator;
import ai.paperclip.migrate.ExitCode;
import ai.paperclip.migrate.internal.CliContext;
import ai.paperclip.migrate.internal.JsonReports;
import ai.paperclip.migrate.internal.OpenDatabase;
import ai.paperclip.schema.migration.CommittedMigrations;
import ai.paperclip.schema.migration.MigrationException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code adopt}: takes over a database whose tables were made another way (the TypeScript Paperclip,
 * {@code push}, plain DDL): compares it with the snapshot of a migration ({@link SchemaComparison}) and, when
 * nothing differs, records the migrations up to it as applied ({@code Migrator.markApplied}).
 */
@Command(name = "adopt", description = "Take over a database that has the tables but no (or another) migration history:"
        + " compare it with the schema after a migration and, if nothing differs, record the migrations up to it as"
        + " applied. Objects the schema does not define are warnings. Refuses (exit status 21) and lists every"
        + " difference otherwise.")
public final class AdoptCommand extends DatabaseCommand {

    @Option(names = "--to", paramLabel = "NNNN", description = "The migration the database is at. Default: the newest.")
    String to;

    @Option(names = "--json", description = "Print the result as JSON: migration, adopted, recorded, differences, warnings.")
    boolean json;

    @Spec
    CommandSpec spec;

    AdoptCommand(CliContext context) {
        super(context);
    }

    @Override
    protected ExitCode run() throws SQLException {
        List<MigrationSource> sources = sources();
        if (sources.size() != 1) {
            throw new ParameterException(spec.commandLine(), "adopt works on one history: give a single --migrations.");
        }
        MigrationSource source = sources.get(0);
        CommittedMigrations history = source.read();
        if (history.migrations().isEmpty()) {
            throw new IllegalArgumentException("The history has no migrations: there is nothing to adopt.");
        }
        String tag;
        try {
            tag = to == null ? history.migrations().get(history.migrations().size() - 1).tag() : history.migration(to).tag();
        } catch (MigrationException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage()); // an unknown --to is bad usage
        }
        try (OpenDatabase db = openDatabase()) {
            if (!json) {
                out().println("Adopting database via " + db.description() + " at " + tag);
            }
            ComparisonReport report;
            try (Connection connection = db.connect()) {
                report = SchemaComparison.compare(connection, history.schemaAfter(tag));
            }
            if (json) {
                List<String> marked = report.matches() ? db.migrator(sources).markApplied(tag) : List.of();
                ExitCode code = report.matches() ? ExitCode.OK : ExitCode.ADOPT_REFUSED;
                printJson(JsonReports.adopt(code.code(), db.description(), tag, report, marked));
                return code;
            }
            report.drizzleHistory().ifPresent(h -> out().println(h.describe() + " It is left as it is."));
            for (Difference warning : report.warnings()) {
                err().println(style.warn("warning: ") + warning.line() + " (not defined by the schema; kept)");
            }
            if (!report.matches()) {
                for (Difference failure : report.failures()) {
                    err().println(style.fail("differs: ") + failure.line());
                }
                err().println("Refusing to adopt: " + report.failures().size() + (report.failures().size() == 1
                        ? " difference" : " differences") + " from the schema after " + tag + ". Make the database match"
                        + " (or choose the migration it is at with --to), then adopt again.");
                return ExitCode.ADOPT_REFUSED;
            }
            Migrator migrator = db.migrator(sources);
            List<String> marked = migrator.markApplied(tag);
            out().println(marked.isEmpty() ? "Nothing to record: the migrations up to " + tag + " were already applied."
                    : "Recorded " + marked.size() + (marked.size() == 1 ? " changeset" : " changesets")
                            + " as applied, up to " + tag + ". From now on run paperclip-migrate migrate.");
        }
        return ExitCode.OK;
    }
}
