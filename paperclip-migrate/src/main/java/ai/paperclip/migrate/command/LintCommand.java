package ai.paperclip.migrate.command;

import ai.paperclip.migrate.ExitCode;
import ai.paperclip.migrate.internal.CliContext;
import ai.paperclip.migrate.internal.LintOutput;
import ai.paperclip.schema.lint.LintReport;
import ai.paperclip.schema.lint.MigrationLint;
import ai.paperclip.schema.migration.CommittedMigrations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lint}: the live-safety rules of {@link MigrationLint} on migration SQL files, no database needed.
 * In a GitHub Actions job ({@code GITHUB_ACTIONS=true}) each finding is also printed as an annotation.
 */
@Command(name = "lint", description = "Check migration SQL for statements that are unsafe on a database in use"
        + " (indexes without CONCURRENTLY, constraints without NOT VALID, no lock_timeout, unbatched back-fills, ...)."
        + " No database needed.")
public final class LintCommand extends BaseCommand {

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "SQL files or migrations folders, linted in the"
            + " order given. Default: the --migrations folder, else Paperclip's bundled history.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--migrations", paramLabel = "DIR", description = "The migrations folder to lint (its .sql files"
            + " in order).")
    Path migrations;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    LintCommand(CliContext context) {
        super(context);
    }

    @Override
    protected ExitCode run() {
        LintReport report;
        if (!files.isEmpty()) {
            List<Path> sql = new ArrayList<>();
            for (Path file : files) {
                if (Files.isDirectory(file)) {
                    sql.addAll(MigrationLint.sqlFiles(file));
                } else {
                    sql.add(file);
                }
            }
            report = MigrationLint.lintFiles(sql);
        } else if (migrations != null) {
            report = MigrationLint.lintFolder(migrations);
        } else {
            report = MigrationLint.lintClasspath(LintCommand.class.getClassLoader(), CommittedMigrations.PAPERCLIP_LOCATION);
        }
        LintOutput.print(report, json, context);
        return report.ok() ? ExitCode.OK : ExitCode.LINT_FAILED;
    }
}
