package ai.paperclip.migrate.command;

import ai.paperclip.db.migration.MigrationSource;
import ai.paperclip.db.migration.Migrator;
import ai.paperclip.migrate.ExitCode;
import ai.paperclip.migrate.internal.CliContext;
import ai.paperclip.migrate.internal.OpenDatabase;
import ai.paperclip.migrate.internal.RollbackPlan;
import ai.paperclip.migrate.internal.StatusReport;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rollback}: undoes applied migrations with their rollback statements ({@code Migrator.rollback}). */
@Command(name = "rollback", description = "Undo the newest applied migrations with their rollback statements. Refuses"
        + " (exit status 22) when one of them cannot be undone, naming it.")
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

    @Option(names = "--force", description = "Also undo migrations that dropped data: their rollback brings back the"
            + " structure, empty, not the data.")
    boolean force;

    RollbackCommand(CliContext context) {
        super(context);
    }

    @Override
    protected ExitCode run() {
        List<MigrationSource> sources = sources();
        if (sources.size() != 1) {
            throw new IllegalArgumentException("rollback works on one history: give a single --migrations.");
        }
        try (OpenDatabase db = openDatabase()) {
            Migrator migrator = db.migrator(sources);
            RollbackPlan plan = RollbackPlan.of(sources.get(0), sources.get(0).read(), migrator.status().applied(),
                    which.count, which.to);
            if (plan.undo().isEmpty()) {
                out().println("Nothing to roll back: no applied migration after " + which.to + ".");
                return ExitCode.OK;
            }
            if (!plan.noRollback().isEmpty()) {
                err().println("Refusing to roll back: " + String.join(", ", plan.noRollback()) + " cannot be undone (a"
                        + " changeset has no --rollback statements). Write a new migration that reverses it instead.");
                return ExitCode.ROLLBACK_REFUSED;
            }
            if (!plan.dataLost().isEmpty() && !force) {
                err().println("Refusing to roll back: the rollback of " + String.join("; ", plan.dataLost())
                        + ". Run again with --force to restore the structure without the data.");
                return ExitCode.ROLLBACK_REFUSED;
            }
            out().println("Rolling back database via " + db.description() + ": " + String.join(", ", plan.undo()));
            migrator.rollback(plan.changesets());
            out().println("Rolled back " + plan.undo().size() + (plan.undo().size() == 1 ? " migration" : " migrations")
                    + "; " + StatusReport.reason(migrator.status()));
        }
        return ExitCode.OK;
    }
}
