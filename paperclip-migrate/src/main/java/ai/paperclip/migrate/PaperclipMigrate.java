package ai.paperclip.migrate;

import ai.paperclip.migrate.command.AdoptCommand;
import ai.paperclip.migrate.command.BackupCommand;
import ai.paperclip.migrate.command.BackupsCommand;
import ai.paperclip.migrate.command.RestoreCommand;
import ai.paperclip.migrate.command.VerifyCommand;
import ai.paperclip.migrate.command.CheckCommand;
import ai.paperclip.migrate.command.DoctorCommand;
import ai.paperclip.migrate.command.GenerateCommand;
import ai.paperclip.migrate.command.LintCommand;
import ai.paperclip.migrate.command.MigrateCommand;
import ai.paperclip.migrate.command.PushCommand;
import ai.paperclip.migrate.command.ResetCommand;
import ai.paperclip.migrate.command.RollbackCommand;
import ai.paperclip.migrate.command.SqlCommand;
import ai.paperclip.migrate.command.StatusCommand;
import ai.paperclip.migrate.command.StopCommand;
import ai.paperclip.migrate.command.TraceCommand;
import ai.paperclip.migrate.internal.CliContext;
import ai.paperclip.migrate.internal.ErrorHandler;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code paperclip-migrate}: the command line for developers and CI pipelines. The front door is
 * {@link #main}, the only place that reads the process environment and calls {@link System#exit};
 * everything else takes a {@link CliContext}, so tests run the real commands with their own environment:
 *
 * <pre>{@code
 * CommandLine cli = PaperclipMigrate.commandLine(new CliContext(env, out, err, false, null));
 * int status = cli.execute("status", "--json");
 * }</pre>
 */
@Command(name = "paperclip-migrate", mixinStandardHelpOptions = true,
        versionProvider = PaperclipMigrate.Version.class,
        description = "Generates, checks and applies Paperclip's database migrations.%n"
                + "The database is DATABASE_URL, else the instance's .env, else config.json, else the embedded"
                + " PostgreSQL of $PAPERCLIP_HOME/instances/$PAPERCLIP_INSTANCE_ID.",
        subcommands = {GenerateCommand.class, CheckCommand.class, LintCommand.class, MigrateCommand.class,
                TraceCommand.class, StatusCommand.class, RollbackCommand.class, SqlCommand.class, PushCommand.class,
                AdoptCommand.class, DoctorCommand.class,
                ResetCommand.class, StopCommand.class, BackupCommand.class, RestoreCommand.class,
                VerifyCommand.class, BackupsCommand.class, CommandLine.HelpCommand.class,
                AutoComplete.GenerateCompletion.class},
        exitCodeListHeading = "%nExit status:%n")
public final class PaperclipMigrate implements Runnable {

    @Spec
    CommandSpec spec;

    PaperclipMigrate() {
    }

    /** Without a command: the usage, as a usage error. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: choose one of the commands below.");
    }

    /** Runs one command with the process's environment, streams and terminal, then exits with its status. */
    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--verbose")) {
            // Before the first logger exists: slf4j-simple reads its level once.
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        }
        boolean terminal = System.console() != null && System.getenv("NO_COLOR") == null
                && !"dumb".equals(System.getenv("TERM"));
        Charset charset = System.console() != null ? System.console().charset() : Charset.defaultCharset();
        CliContext context = new CliContext(System.getenv(), new PrintWriter(System.out, true),
                new PrintWriter(System.err, true), terminal,
                terminal ? new BufferedReader(new InputStreamReader(System.in, charset)) : null);
        System.exit(commandLine(context).execute(args));
    }

    /**
     * Runs one command without a terminal (no colours, no questions, no progress), in this JVM: what the Maven
     * plugin's goals do, so that a goal and the command are one implementation.
     *
     * @param environment the environment the command reads ({@code DATABASE_URL}, ...)
     * @param out the command's results
     * @param err its messages: errors, warnings
     * @param args the command and its options, as on the command line
     * @return the exit status ({@link ExitCode})
     */
    public static int execute(Map<String, String> environment, PrintWriter out, PrintWriter err, String... args) {
        return commandLine(new CliContext(environment, out, err, false, null)).execute(args);
    }

    /**
     * The command line, its commands made with {@code context}, its output and errors on the context's
     * streams, errors worded by one handler, exit statuses as documented by {@link ExitCode}.
     */
    public static CommandLine commandLine(CliContext context) {
        CommandLine cli = new CommandLine(new PaperclipMigrate(), new ContextFactory(context));
        cli.setOut(context.out());
        cli.setErr(context.err());
        cli.setUsageHelpWidth(120);
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(context.terminal() ? Ansi.ON : Ansi.OFF));
        cli.setExecutionExceptionHandler(new ErrorHandler());
        // The bash/zsh completion script (docs/cli.md): a tool for setting up a shell, not a database command.
        cli.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(true);
        cli.getCommandSpec().usageMessage().exitCodeListHeading("%nExit status:%n").exitCodeList(exitCodes());
        return cli;
    }

    private static Map<String, String> exitCodes() {
        Map<String, String> codes = new LinkedHashMap<>();
        for (ExitCode code : ExitCode.values()) {
            codes.put(String.format("%3d", code.code()), code.meaning());
        }
        return codes;
    }

    /** Makes commands with the context: a constructor taking a {@link CliContext}, else picocli's default. */
    private record ContextFactory(CliContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> constructor = type.getDeclaredConstructor(CliContext.class);
                constructor.setAccessible(true);
                return constructor.newInstance(context);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }

    /** The version from the jar's manifest (Maven sets it), or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = PaperclipMigrate.class.getPackage().getImplementationVersion();
            return new String[] {"paperclip-migrate " + (version == null ? "(development build)" : version)};
        }
    }
}
