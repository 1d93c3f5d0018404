package ai.paperclip.migrate.command;

import ai.paperclip.migrate.ExitCode;
import ai.paperclip.migrate.internal.CliContext;
import ai.paperclip.migrate.internal.GeneratorFolder;
import ai.paperclip.migrate.internal.Durations;
import ai.paperclip.migrate.internal.JsonReports;
import ai.paperclip.migrate.internal.SchemaOption;
import ai.paperclip.migrate.internal.TerminalPrompter;
import ai.paperclip.schema.migration.GeneratedMigration;
import ai.paperclip.schema.migration.MigrationGenerator;
import ai.paperclip.schema.migration.MigrationOptions;
import ai.paperclip.schema.migration.UndecidedChangesException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code generate}: the next migration from the schema definitions ({@link MigrationGenerator}). */
@Command(name = "generate", description = "Write the next migration: the difference between the schema definitions"
        + " and the newest snapshot, as NNNN_<name>.sql with its snapshot. Writes nothing when nothing changed.")
public final class GenerateCommand extends BaseCommand {

    @Mixin
    SchemaOption schema;

    @Option(names = "--out", paramLabel = "DIR", description = "The migrations folder. Default with Paperclip's schema: "
            + GeneratorFolder.PAPERCLIP_FOLDER + " (run at the root of the checkout).")
    String out;

    @Option(names = "--name", paramLabel = "NAME", description = "The readable part of the file name (lower case,"
            + " digits, _). Default: an adjective_noun picked from the content.")
    String name;

    @Option(names = "--custom", description = "Write an empty migration for hand-written SQL (data back-fills).")
    boolean custom;

    @Option(names = "--author", paramLabel = "AUTHOR", defaultValue = MigrationOptions.DEFAULT_AUTHOR,
            description = "The changeset author; a host application's own history should use its own."
                    + " Default: ${DEFAULT-VALUE}.")
    String author;

    @Option(names = "--concurrent-indexes", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Create indexes (and the indexes of unique constraints) on existing tables CONCURRENTLY,"
                    + " each in its own changeset outside the transaction. Default: on; --no-concurrent-indexes turns"
                    + " it off.")
    boolean concurrentIndexes = MigrationOptions.DEFAULT_CONCURRENT_INDEXES;

    @Option(names = "--lock-timeout", paramLabel = "DURATION", description = "The lock_timeout each changeset that"
            + " locks an existing table sets first: 5s, 1500ms, 0 for none. Default: 5s.")
    String lockTimeout;

    @Option(names = "--no-prompt", description = "Never ask about renames and data-losing changes; stop instead (the"
            + " default without a terminal and when CI=true).")
    boolean noPrompt;

    @Option(names = "--json", description = "Print the result as JSON: written, migration, sqlFile, changes, decisions."
            + " Never asks (as --no-prompt).")
    boolean json;

    @Spec
    CommandSpec spec;

    GenerateCommand(CliContext context) {
        super(context);
    }

    @Override
    protected ExitCode run() {
        Path folder = GeneratorFolder.resolve(out, schema, "--out", spec);
        MigrationOptions options = MigrationOptions.builder().author(author).name(name).custom(custom)
                .concurrentIndexes(concurrentIndexes)
                .lockTimeout(lockTimeout == null ? MigrationOptions.DEFAULT_LOCK_TIMEOUT
                        : Durations.parse(lockTimeout, "--lock-timeout", spec))
                .prompter(context.interactive() && !noPrompt && !json ? new TerminalPrompter(context) : null)
                .generateCommand("paperclip-migrate generate --schema " + schema.className() + " --out " + folder)
                .build();
        Optional<GeneratedMigration> written;
        try {
            written = MigrationGenerator.generate(schema.model(), folder, options);
        } catch (UndecidedChangesException e) {
            if (json) {
                printJson(JsonReports.generate(ExitCode.DECISIONS_NEEDED.code(), folder, null, e.getMessage()));
            } else {
                err().println(e.getMessage());
            }
            return ExitCode.DECISIONS_NEEDED;
        }
        if (json) {
            printJson(JsonReports.generate(ExitCode.OK.code(), folder, written.orElse(null), null));
            return ExitCode.OK;
        }
        if (written.isEmpty()) {
            out().println("No schema changes: nothing to generate (" + folder + " is up to date).");
            return ExitCode.OK;
        }
        GeneratedMigration m = written.get();
        out().println("Wrote " + m.sqlFile() + " (" + m.changes().size() + (m.changes().size() == 1 ? " change" : " changes")
                + ") and " + m.snapshotFile() + ". Review it, then commit the folder.");
        m.decisionsApplied().forEach(d -> out().println("  applied decision: " + d.line()));
        m.decisionsUnused().forEach(d -> out().println("  unused decision kept in decisions.txt: " + d.line()));
        return ExitCode.OK;
    }
}
