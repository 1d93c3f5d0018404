package ai.paperclip.migrate.command;

import ai.paperclip.db.introspect.AffectedRows;
import ai.paperclip.db.migration.MigrationScripts;
import ai.paperclip.db.migration.MigrationSource;
import ai.paperclip.db.migration.Migrator;
import ai.paperclip.db.migration.RollbackOptions;
import ai.paperclip.db.migration.RollbackPlan;
import ai.paperclip.migrate.ExitCode;
import ai.paperclip.migrate.internal.CliContext;
import ai.paperclip.migrate.internal.OpenDatabase;
import ai.paperclip.schema.migration.CommittedMigrations;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sql}: prints the SQL that {@code migrate} would run for the pending migrations
 * ({@link MigrationScripts#pending}), or with {@code --rollback} the SQL of a rollback (a dry run of
 * {@code Migrator.rollback}), as a script on stdout. Reads the history (and, for a rollback, counts rows); changes
 * nothing.
 */
@Command(name = "sql", description = "Print the SQL that migrate would run for the pending migrations, or with"
        + " --rollback the SQL of rolling back the newest --count N (default 1) or all after --to NNNN. Reads the"
        + " history only; changes nothing.")
public final class SqlCommand extends DatabaseCommand {

    /** How many migrations {@code --rollback} undoes without {@code --count} or {@code --to}. */
    static final int DEFAULT_ROLLBACK_COUNT = 1;

    @Option(names = "--rollback", description = "Print the rollback SQL instead (one history: a single --migrations).")
    boolean rollback;

    @Option(names = "--count", paramLabel = "N", description = "With --rollback: the newest N applied migrations."
            + " Default: " + DEFAULT_ROLLBACK_COUNT + ".")
    Integer count;

    @Option(names = "--to", paramLabel = "NNNN", description = "With --rollback: every applied migration after NNNN.")
    String to;

    @Spec
    CommandSpec spec;

    SqlCommand(CliContext context) {
        super(context);
    }

    @Override
    protected ExitCode run() {
        List<MigrationSource> sources = sources();
        if (!rollback && (count != null || to != null)) {
            throw new ParameterException(spec.commandLine(), "--count and --to select what to roll back: add --rollback.");
        }
        if (rollback) {
            validateRollback(sources);
        }
        try (OpenDatabase db = openDatabase()) {
            Migrator migrator = db.migrator(sources);
            return rollback ? printRollback(migrator, db.description(), sources.get(0)) : printPending(migrator, db.description());
        }
    }

    private ExitCode printPending(Migrator migrator, String target) {
        List<MigrationScripts.Script> scripts = MigrationScripts.pending(migrator);
        if (scripts.isEmpty()) {
            out().println("-- Nothing pending on " + target + ": migrate would run no SQL.");
            return ExitCode.OK;
        }
        out().println("-- The SQL migrate would run on " + target + ", " + scripts.size()
                + (scripts.size() == 1 ? " migration" : " migrations") + ", one transaction per changeset"
                + " (Liquibase also records each changeset in databasechangelog).");
        for (MigrationScripts.Script s : scripts) {
            out().println();
            out().println("-- " + s.migration() + " (" + s.location() + ")");
            out().print(s.sql());
        }
        out().flush();
        return ExitCode.OK;
    }

    private ExitCode printRollback(Migrator migrator, String target, MigrationSource source) {
        RollbackOptions dryRun = RollbackOptions.builder().dryRun(true).build();
        RollbackPlan plan = to != null ? migrator.rollbackTo(tag(source.read(), to), dryRun)
                : migrator.rollback(count == null ? DEFAULT_ROLLBACK_COUNT : count, dryRun);
        if (plan.migrations().isEmpty()) {
            out().println("-- Nothing to roll back on " + target + ": no applied migration after " + to + ".");
            return ExitCode.OK;
        }
        out().println("-- The SQL rollback would run on " + target + " to undo " + String.join(", ", plan.migrations()) + ".");
        plan.statements().forEach(s -> out().println(s.startsWith("--") ? s : s + ";"));
        out().flush();
        for (AffectedRows a : plan.affected()) {
            err().println(style.warn("data loss: " + a.line()));
        }
        plan.structureOnly().forEach(s -> err().println(style.warn("structure only: " + s)));
        if (!plan.noRollback().isEmpty()) {
            err().println(style.warn("no rollback: " + String.join(", ", plan.noRollback())
                    + " cannot be undone; paperclip-migrate rollback would refuse."));
        }
        return ExitCode.OK;
    }

    private void validateRollback(List<MigrationSource> sources) {
        if (sources.size() != 1) {
            throw new ParameterException(spec.commandLine(), "sql --rollback works on one history: give a single --migrations.");
        }
        if (count != null && to != null) {
            throw new ParameterException(spec.commandLine(), "Give --count or --to, not both.");
        }
        if (count != null && count < 1) {
            throw new ParameterException(spec.commandLine(), "--count must be at least 1, got " + count
                    + ": give how many of the newest applied migrations to undo.");
        }
    }

    /** {@code NNNN}, {@code NNNN_name} or a number, resolved against the committed history; bad usage otherwise. */
    private String tag(CommittedMigrations history, String given) {
        return history.migrations().stream()
                .filter(m -> m.tag().equals(given) || m.tag().startsWith(given + "_")
                        || given.matches("\\d{1,9}") && m.idx() == Integer.parseInt(given))
                .map(CommittedMigrations.Migration::tag).findFirst()
                .orElseThrow(() -> new ParameterException(spec.commandLine(), "No migration " + given + " in "
                        + history.location() + "; it has " + String.join(", ", history.migrations().stream()
                        .map(CommittedMigrations.Migration::tag).toList()) + "."));
    }
}
