package ai.paperclip.migrate.command;

import ai.paperclip.db.introspect.AffectedRows;
import ai.paperclip.db.migration.MigrationSource;
import ai.paperclip.db.migration.Migrator;
import ai.paperclip.db.migration.RollbackOptions;
import ai.paperclip.db.migration.RollbackPlan;
import ai.paperclip.db.migration.RollbackRefusedException;
import ai.paperclip.migrate.ExitCode;
import ai.paperclip.migrate.internal.CliContext;
import ai.paperclip.migrate.internal.JsonReports;
import ai.paperclip.migrate.internal.OpenDatabase;
import ai.paperclip.migrate.internal.StatusReport;
import ai.paperclip.schema.migration.CommittedMigrations;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code rollback}: undoes applied migrations with their rollback statements ({@code Migrator.rollback}), after
 * counting the rows that would be deleted; refuses (22) data loss without {@code --force}.
 */
@Command(name = "rollback", description = "Undo the newest applied migrations with their rollback statements. Counts"
        + " the rows the rollback SQL would delete first, and refuses (exit status 22) when there are any, or when a"
        + " migration cannot be undone, naming them; --dry-run prints the SQL and the counts and changes nothing.")
public final class RollbackCommand extends DatabaseCommand {

    @ArgGroup(multiplicity = "1")
    Which which;

    /** Exactly one of {@code --count} and {@code --to}. */
    static final class Which {
        @Option(names = "--count", paramLabel = "N", required = true, description = "Undo the newest N applied migrations.")
        Integer count;

        @Option(names = "--to", paramLabel = "NNNN", required = true,
                description = "Undo every applied migration after NNNN (NNNN stays applied).")
        String to;
    }

    @Option(names = "--force", description = "Undo even when rows would be deleted (dropped tables and columns), or"
            + " dropped data would come back as structure only.")
    boolean force;

    @Option(names = "--dry-run", description = "Print the SQL that would run and the rows it would delete; change nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print the result as JSON: migrations, statements, affected rows, whether it ran.")
    boolean json;

    @Spec
    CommandSpec spec;

    RollbackCommand(CliContext context) {
        super(context);
    }

    @Override
    protected ExitCode run() {
        List<MigrationSource> sources = sources();
        if (sources.size() != 1) {
            throw new ParameterException(spec.commandLine(), "rollback works on one history: give a single --migrations.");
        }
        if (which.count != null && which.count < 1) {
            throw new ParameterException(spec.commandLine(), "--count must be at least 1, got " + which.count
                    + ": give how many of the newest applied migrations to undo.");
        }
        String to = which.to == null ? null : tag(sources.get(0).read(), which.to);
        RollbackOptions options = RollbackOptions.builder().force(force).dryRun(dryRun).build();
        try (OpenDatabase db = openDatabase()) {
            Migrator migrator = db.migrator(sources);
            if (!json) {
                out().println("Rolling back database via " + db.description() + (dryRun ? " (dry run)" : ""));
            }
            RollbackPlan plan;
            try {
                plan = to != null ? migrator.rollbackTo(to, options) : migrator.rollback(which.count, options);
            } catch (RollbackRefusedException e) {
                if (json) {
                    printJson(JsonReports.rollback(ExitCode.ROLLBACK_REFUSED.code(), db.description(), e.plan(),
                            e.getMessage().strip()));
                    return ExitCode.ROLLBACK_REFUSED;
                }
                print(e.plan());
                err().println(e.getMessage());
                return ExitCode.ROLLBACK_REFUSED;
            }
            if (json) {
                printJson(JsonReports.rollback(ExitCode.OK.code(), db.description(), plan, null));
                return ExitCode.OK;
            }
            if (plan.migrations().isEmpty()) {
                out().println("Nothing to roll back: no applied migration after " + to + ".");
                return ExitCode.OK;
            }
            print(plan);
            if (!plan.applied()) {
                out().println("Dry run: nothing was changed. Would roll back " + String.join(", ", plan.migrations())
                        + (!plan.noRollback().isEmpty() ? "; a real rollback would be refused: " + String.join(", ",
                        plan.noRollback()) + " cannot be undone." : plan.losesData() && !force
                        ? "; a real rollback would be refused without --force." : "."));
                return ExitCode.OK;
            }
            int n = plan.migrations().size();
            out().println("Rolled back " + n + (n == 1 ? " migration" : " migrations") + " ("
                    + String.join(", ", plan.migrations()) + "); " + StatusReport.reason(migrator.status()));
        }
        return ExitCode.OK;
    }

    private void print(RollbackPlan plan) {
        plan.statements().forEach(s -> out().println(s.startsWith("--") ? s : s + ";"));
        for (AffectedRows a : plan.affected()) {
            err().println(style.warn("data loss: " + a.line()));
        }
        plan.structureOnly().forEach(s -> err().println(style.warn("structure only: " + s)));
    }

    /** {@code NNNN}, {@code NNNN_name} or a number, resolved against the committed history: a usage error otherwise. */
    private String tag(CommittedMigrations history, String to) {
        return history.migrations().stream()
                .filter(m -> m.tag().equals(to) || m.tag().startsWith(to + "_")
                        || to.matches("\\d{1,9}") && m.idx() == Integer.parseInt(to))
                .map(CommittedMigrations.Migration::tag).findFirst()
                .orElseThrow(() -> new ParameterException(spec.commandLine(), "No migration " + to + " in "
                        + history.location() + "; it has " + String.join(", ", history.migrations().stream()
                        .map(CommittedMigrations.Migration::tag).toList()) + "."));
    }
}
