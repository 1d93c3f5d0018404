package ai.paperclip.schema.migration;

import ai.paperclip.schema.SchemaException;
import ai.paperclip.schema.SchemaLoader;
import ai.paperclip.schema.model.SchemaModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A minimal command line for generate and check, until the CLI module wraps them:
 *
 * <pre>
 * GenerateMigration --schema com.example.MySchema --out src/main/resources/db/migrations [--name add_x]
 *                   [--custom] [--author me] [--no-concurrent-indexes] [--lock-timeout-ms 5000] [--no-prompt]
 * GenerateMigration check --schema com.example.MySchema --out src/main/resources/db/migrations
 * </pre>
 *
 * Exit status: 0 done (or nothing to do); for check the {@link CheckCode} exit code (1 to 5);
 * 64 wrong arguments; 65 generate needs decisions; 70 any other failure. It asks about undecided
 * changes only when a terminal is attached, {@code CI} is not {@code true}, and {@code --no-prompt}
 * is absent.
 */
public final class GenerateMigration {

    public static final int EXIT_USAGE = 64;
    public static final int EXIT_UNDECIDED = 65;
    public static final int EXIT_FAILURE = 70;

    private static final String USAGE = "Usage: GenerateMigration [check] --schema <class[#member]> --out <folder>"
            + " [--name <name>] [--custom] [--author <author>] [--no-concurrent-indexes] [--lock-timeout-ms <ms>] [--no-prompt]";

    private GenerateMigration() {
    }

    public static void main(String[] args) {
        boolean interactive = System.console() != null && !"true".equalsIgnoreCase(System.getenv("CI"));
        int status = run(args, System.out, System.err, interactive ? new ConsolePrompter(System.in, System.out) : null);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs one command; returns the exit status. The prompter, when given, answers undecided changes. */
    public static int run(String[] args, PrintStream out, PrintStream err, DecisionPrompter prompter) {
        Map<String, String> options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return EXIT_USAGE;
        }
        String schema = options.get("--schema");
        String folder = options.get("--out");
        String command = "GenerateMigration --schema " + schema + " --out " + folder;
        try {
            SchemaModel model = SchemaLoader.load(schema, Thread.currentThread().getContextClassLoader());
            MigrationOptions.Builder builder = MigrationOptions.builder().generateCommand(command)
                    .name(options.get("--name")).custom(options.containsKey("--custom"))
                    .concurrentIndexes(!options.containsKey("--no-concurrent-indexes"))
                    .prompter(options.containsKey("--no-prompt") ? null : prompter);
            if (options.containsKey("--lock-timeout-ms")) {
                builder.lockTimeout(java.time.Duration.ofMillis(milliseconds(options.get("--lock-timeout-ms"))));
            }
            if (options.containsKey("--author")) {
                builder.author(options.get("--author"));
            }
            MigrationOptions settings = builder.build();
            if (options.containsKey("check")) {
                CheckResult result = MigrationCheck.run(model, Path.of(folder), settings);
                (result.ok() ? out : err).println(result.message());
                return result.exitCode();
            }
            Optional<GeneratedMigration> written = MigrationGenerator.generate(model, Path.of(folder), settings);
            if (written.isEmpty()) {
                out.println("No schema changes: nothing to generate.");
                return 0;
            }
            GeneratedMigration m = written.get();
            out.println("Wrote " + m.sqlFile() + " (" + m.changes().size() + " changes) and " + m.snapshotFile()
                    + ". Review it, then commit the folder.");
            m.decisionsApplied().forEach(d -> out.println("  applied decision: " + d.line()));
            m.decisionsUnused().forEach(d -> out.println("  unused decision kept in decisions.txt: " + d.line()));
            return 0;
        } catch (UndecidedChangesException e) {
            err.println(e.getMessage());
            return EXIT_UNDECIDED;
        } catch (SchemaException | IllegalArgumentException e) {
            err.println(e.getMessage());
            return EXIT_FAILURE;
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String arg = rest.remove(0);
            switch (arg) {
                // --concurrent-indexes is the default now; still accepted so that existing scripts keep working
                case "check", "--custom", "--concurrent-indexes", "--no-concurrent-indexes", "--no-prompt" -> options.put(arg, "true");
                case "--schema", "--out", "--name", "--author", "--lock-timeout-ms" -> {
                    if (rest.isEmpty() || rest.get(0).startsWith("--")) {
                        throw new IllegalArgumentException(arg + " needs a value");
                    }
                    options.put(arg, rest.remove(0));
                }
                default -> throw new IllegalArgumentException("Unknown argument '" + arg + "'");
            }
        }
        for (String required : List.of("--schema", "--out")) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException(required + " is required");
            }
        }
        return options;
    }

    private static long milliseconds(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--lock-timeout-ms must be a whole number of milliseconds (0 for none),"
                    + " got '" + value + "'");
        }
    }

    /** Asks on the terminal: lists the options by number; anything else stops. */
    static final class ConsolePrompter implements DecisionPrompter {
        private final BufferedReader in;
        private final PrintStream out;

        ConsolePrompter(InputStream in, PrintStream out) {
            this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            this.out = out;
        }

        @Override
        public Optional<Decision> decide(UndecidedChange change) {
            out.println(change.description());
            for (int i = 0; i < change.options().size(); i++) {
                out.println("  " + (i + 1) + ") " + change.options().get(i).line());
            }
            out.print("Choose 1-" + change.options().size() + " (anything else stops): ");
            out.flush();
            try {
                String answer = in.readLine();
                int choice = Integer.parseInt(answer == null ? "" : answer.strip());
                return choice >= 1 && choice <= change.options().size()
                        ? Optional.of(change.options().get(choice - 1)) : Optional.empty();
            } catch (IOException | NumberFormatException e) {
                return Optional.empty();
            }
        }
    }
}
