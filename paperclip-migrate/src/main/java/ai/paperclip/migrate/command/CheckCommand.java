package ai.paperclip.migrate.command;

import ai.paperclip.db.introspect.ComparisonReport;
import ai.paperclip.db.introspect.Difference;
import ai.paperclip.db.migration.DatabaseCheck;
import ai.paperclip.db.migration.MigrationDatabase;
import ai.paperclip.db.migration.MigrationSource;
import ai.paperclip.db.migration.MigrationStatus;
import ai.paperclip.migrate.ExitCode;
import ai.paperclip.migrate.internal.CliContext;
import ai.paperclip.migrate.internal.GeneratorFolder;
import ai.paperclip.migrate.internal.LintOutput;
import ai.paperclip.migrate.internal.SchemaOption;
import ai.paperclip.migrate.internal.StatusReport;
import ai.paperclip.schema.lint.LintReport;
import ai.paperclip.schema.migration.CheckProblem;
import ai.paperclip.schema.migration.CheckResult;
import ai.paperclip.schema.migration.FolderCheck;
import ai.paperclip.schema.migration.MigrationOptions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code check}: the CI gate ({@link FolderCheck}) on the definitions and the committed migrations, no database
 * needed; with {@code --database}, also {@link DatabaseCheck} on the resolved database.
 */
@Command(name = "check", description = "Fail when the schema definitions have changes no migration covers, when two"
        + " migrations follow the same snapshot, when a committed migration was edited, when the index and the"
        + " files disagree, or when the lint finds a statement unsafe on a live database. No database needed (unless"
        + " --database).")
public final class CheckCommand extends BaseCommand {

    @Mixin
    SchemaOption schema;

    @Option(names = "--migrations", paramLabel = "DIR", description = "The migrations folder to check: the one"
            + " generate --out writes, a directory of files (not a classpath: location; given once). Default with"
            + " Paperclip's schema: " + GeneratorFolder.PAPERCLIP_FOLDER + " (run at the root of the checkout).")
    String migrations;

    @Option(names = "--database", description = "Also require the resolved database to have every migration of the"
            + " folder applied (exit status 3 when it does not), each as committed (13 when an applied one was edited"
            + " since), and its schema to match the snapshot of its newest applied migration (16: drift).")
    boolean database;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    CheckCommand(CliContext context) {
        super(context);
    }

    @Override
    protected ExitCode run() {
        Path folder = GeneratorFolder.resolve(migrations, schema, "--migrations", spec);
        FolderCheck gate = FolderCheck.run(schema.model(), folder, MigrationOptions.builder()
                .generateCommand("paperclip-migrate generate --schema " + schema.className() + " --out " + folder).build());
        CheckResult result = gate.check();
        LintReport lint = gate.lint();
        ExitCode code = gate.lintFailed() ? ExitCode.LINT_FAILED : result.code().map(ExitCode::of).orElse(ExitCode.OK);
        DatabaseCheck.Result onDatabase = null;
        String target = null;
        if (code == ExitCode.OK && database) {
            try (MigrationDatabase db = MigrationDatabase.open(context.environment())) {
                target = db.description();
                onDatabase = DatabaseCheck.run(db, MigrationSource.folder(folder));
            }
            code = switch (onDatabase.verdict()) {
                case OK -> ExitCode.OK;
                case EDITED -> ExitCode.MIGRATION_EDITED;
                case PENDING -> ExitCode.MIGRATIONS_PENDING;
                case DRIFT -> ExitCode.SCHEMA_DRIFT;
            };
        }
        MigrationStatus status = onDatabase == null ? null : onDatabase.status();
        ComparisonReport drift = onDatabase == null ? null : onDatabase.drift().orElse(null);
        if (json) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("ok", code == ExitCode.OK);
            report.put("exitCode", code.code());
            report.put("folder", folder.toString());
            report.put("problems", result.problems().stream().map(p -> Map.of("code", p.code().name(),
                    "message", p.message())).toList());
            report.put("lint", lint.asMap());
            if (status != null) {
                report.put("database", StatusReport.json(status, target));
            }
            if (drift != null) {
                report.put("drift", drift.failures().stream().map(Difference::line).toList());
            }
            printJson(report);
            return code;
        }
        if (!result.ok()) {
            result.problems().stream().map(CheckProblem::message).forEach(err()::println);
            return code;
        }
        out().println(result.message());
        LintOutput.print(lint, false, context);
        if (status != null) {
            (status.upToDate() ? out() : err()).println("Database via " + target + ": " + status.reason());
        }
        if (drift != null) {
            drift.warnings().forEach(w -> err().println(style.warn("warning: ") + w.line() + " (not defined by the schema)"));
            drift.failures().forEach(f -> err().println(style.fail("drift: ") + f.line()));
            if (!drift.matches()) {
                err().println("The database's schema differs from the snapshot of " + onDatabase.comparedWith().orElseThrow() + " in "
                        + drift.failures().size() + (drift.failures().size() == 1 ? " place" : " places") + ": it was"
                        + " changed outside the migrations (by hand, or by push). Put the change in a migration, or undo"
                        + " it; paperclip-migrate adopt --to NNNN compares the same way.");
            }
        }
        return code;
    }
}
