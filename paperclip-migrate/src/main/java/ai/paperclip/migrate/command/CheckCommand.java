package ai.paperclip.migrate.command;

import ai.paperclip.db.migration.MigrationSource;
import ai.paperclip.db.migration.MigrationStatus;
import ai.paperclip.migrate.ExitCode;
import ai.paperclip.migrate.internal.CliContext;
import ai.paperclip.migrate.internal.GeneratorFolder;
import ai.paperclip.migrate.internal.OpenDatabase;
import ai.paperclip.migrate.internal.SchemaOption;
import ai.paperclip.migrate.internal.StatusReport;
import ai.paperclip.schema.migration.CheckProblem;
import ai.paperclip.schema.migration.CheckResult;
import ai.paperclip.schema.migration.MigrationCheck;
import ai.paperclip.schema.migration.MigrationOptions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code check}: the CI gate ({@link MigrationCheck}) on the definitions and the committed migrations, no
 * database needed; with {@code --database}, also that the resolved database has every migration applied.
 */
@Command(name = "check", description = "Fail when the schema definitions have changes no migration covers, when two"
        + " migrations follow the same snapshot, when a committed migration was edited, or when the index and the"
        + " files disagree. No database needed (unless --database).")
public final class CheckCommand extends BaseCommand {

    @Mixin
    SchemaOption schema;

    @Option(names = "--migrations", paramLabel = "DIR", description = "The migrations folder to check: the one"
            + " generate --out writes, a directory of files (not a classpath: location; given once). Default with"
            + " Paperclip's schema: " + GeneratorFolder.PAPERCLIP_FOLDER + " (run at the root of the checkout).")
    String migrations;

    @Option(names = "--database", description = "Also require the resolved database to have every migration of the"
            + " folder applied (exit status 3 when it does not).")
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
        CheckResult result = MigrationCheck.run(schema.model(), folder, MigrationOptions.builder()
                .generateCommand("paperclip-migrate generate --schema " + schema.className() + " --out " + folder).build());
        ExitCode code = result.code().map(ExitCode::of).orElse(ExitCode.OK);
        MigrationStatus status = null;
        String target = null;
        if (code == ExitCode.OK && database) {
            try (OpenDatabase db = OpenDatabase.open(context.environment())) {
                target = db.description();
                status = db.migrator(List.of(MigrationSource.folder(folder))).status();
            }
            code = status.upToDate() ? ExitCode.OK : ExitCode.MIGRATIONS_PENDING;
        }
        if (json) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("ok", code == ExitCode.OK);
            report.put("exitCode", code.code());
            report.put("folder", folder.toString());
            report.put("problems", result.problems().stream().map(p -> Map.of("code", p.code().name(),
                    "message", p.message())).toList());
            if (status != null) {
                report.put("database", StatusReport.json(status, target));
            }
            printJson(report);
            return code;
        }
        if (!result.ok()) {
            result.problems().stream().map(CheckProblem::message).forEach(err()::println);
            return code;
        }
        out().println(result.message());
        if (status != null) {
            (status.upToDate() ? out() : err()).println("Database via " + target + ": " + StatusReport.reason(status));
        }
        return code;
    }
}
