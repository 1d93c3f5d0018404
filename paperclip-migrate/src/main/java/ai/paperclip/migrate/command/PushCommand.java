package ai.paperclip.migrate.command;

import ai.paperclip.db.introspect.AffectedRows;
import ai.paperclip.db.introspect.PushOptions;
import ai.paperclip.db.introspect.PushRefusedException;
import ai.paperclip.db.introspect.PushResult;
import ai.paperclip.db.introspect.SchemaPush;
import ai.paperclip.migrate.ExitCode;
import ai.paperclip.migrate.internal.CliContext;
import ai.paperclip.migrate.internal.JsonReports;
import ai.paperclip.migrate.internal.OpenDatabase;
import ai.paperclip.migrate.internal.SchemaOption;
import java.sql.Connection;
import java.sql.SQLException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code push}: makes the live schema match the definitions directly ({@link SchemaPush}), for development. */
@Command(name = "push", description = "For development: make the database match the schema definitions directly,"
        + " without a migration. Prints the SQL and the rows that changes losing data affect; refuses those without"
        + " --force (exit status 20). Records no migration history.")
public final class PushCommand extends BaseCommand {

    static final String NO_HISTORY_WARNING = "Warning: push records no migration history. Before using migrations on"
            + " this database, adopt it (paperclip-migrate adopt) or reset it.";

    @Mixin
    SchemaOption schema;

    @Option(names = "--force", description = "Apply changes that lose data (dropped columns, narrowed types).")
    boolean force;

    @Option(names = "--dry-run", description = "Print the SQL and the affected rows; change nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print the result as JSON: changes, statements, affected rows, whether it ran.")
    boolean json;

    PushCommand(CliContext context) {
        super(context);
    }

    @Override
    protected ExitCode run() throws SQLException {
        PushOptions options = PushOptions.builder().force(force).dryRun(dryRun).build();
        try (OpenDatabase db = OpenDatabase.open(context.environment(), context.terminal() ? context.err() : null); Connection connection = db.connect()) {
            if (!json) {
                out().println("Pushing " + schema.className() + " into database via " + db.description()
                        + (dryRun ? " (dry run)" : ""));
            }
            PushResult result;
            try {
                result = SchemaPush.push(connection, schema.model(), options);
            } catch (PushRefusedException e) {
                if (json) {
                    printJson(JsonReports.push(ExitCode.PUSH_REFUSED.code(), db.description(), dryRun, e.plan().orElse(null),
                            e.getMessage().strip()));
                    return ExitCode.PUSH_REFUSED;
                }
                // The message lists the affected rows itself: print only the statements of the plan.
                e.plan().ifPresent(plan -> plan.statements().forEach(s -> out().println(s + ";")));
                err().println(e.getMessage().strip());
                if (e.plan().map(PushResult::losesData).orElse(false) && !force) {
                    err().println("Run paperclip-migrate push --force to apply it anyway.");
                }
                return ExitCode.PUSH_REFUSED;
            }
            if (json) {
                printJson(JsonReports.push(ExitCode.OK.code(), db.description(), dryRun, result, null));
                if (result.applied() && !result.upToDate()) {
                    err().println(NO_HISTORY_WARNING);
                }
                return ExitCode.OK;
            }
            print(result);
            if (result.upToDate()) {
                out().println("The database already matches the definitions: nothing to push.");
            } else if (result.applied()) {
                out().println("Pushed " + result.statements().size() + " statements.");
                err().println(NO_HISTORY_WARNING);
            } else {
                out().println("Dry run: nothing was changed." + (result.losesData() && !force
                        ? " A real push would be refused without --force." : ""));
            }
        }
        return ExitCode.OK;
    }

    private void print(PushResult plan) {
        plan.statements().forEach(s -> out().println(s + ";"));
        for (AffectedRows a : plan.affected()) {
            String line = (a.kind() == AffectedRows.Kind.BLOCKING ? "blocked: " : "data loss: ") + a.line();
            err().println(a.kind() == AffectedRows.Kind.BLOCKING ? style.fail(line) : style.warn(line));
        }
        plan.hints().forEach(h -> err().println("hint: " + h));
    }
}
