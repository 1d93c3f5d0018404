package ai.paperclip.migrate;

import ai.paperclip.migrate.testing.Cli;
import ai.paperclip.migrate.testing.Cli.Run;
import ai.paperclip.migrate.testing.SecretUrls;
import ai.paperclip.migrate.testing.SecretUrls.SecretUrl;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The redaction property for the CLI: for generated connection strings, malformed ones included, in
 * {@code DATABASE_URL} or {@code DATABASE_MIGRATION_URL}, no command prints any part of the password:
 * not on stdout, not on stderr, not with {@code --json}, not with {@code --verbose} (stack traces), not
 * in what the libraries log (SLF4J to stderr, pgJDBC through java.util.logging). No server: the URLs
 * point at a refused port.
 */
class RedactionCliPropertyTest {

    private static final Logger PGJDBC = Logger.getLogger("org.postgresql"); // held: JUL keeps loggers weakly
    private static final ConcurrentLinkedQueue<String> JUL = new ConcurrentLinkedQueue<>();

    static {
        PGJDBC.setLevel(Level.ALL);
        PGJDBC.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                JUL.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

    private static final List<List<String>> COMMANDS = List.of(
            List.of("status"), List.of("status", "--json"), List.of("status", "--verbose"),
            List.of("doctor", "--timeout", "1"), List.of("doctor", "--json", "--timeout", "1"),
            List.of("migrate", "--verbose"), List.of("reset", "--yes"), List.of("rollback", "--count", "1"),
            List.of("check", "--database", "--json"), List.of("adopt", "--verbose"));

    @Property(tries = 3000)
    void noCommandPrintsAnyPartOfThePassword(@ForAll("urls") SecretUrl url, @ForAll("commands") List<String> command,
            @ForAll boolean asMigrationUrl) {
        Map<String, String> env = asMigrationUrl
                ? Map.of("DATABASE_URL", "postgres://app@127.0.0.1:" + SecretUrls.REFUSED_PORT + "/paperclip",
                        "DATABASE_MIGRATION_URL", url.url(), "DATABASE_CONNECT_TIMEOUT_SECONDS", "1")
                : Map.of("DATABASE_URL", url.url(), "DATABASE_CONNECT_TIMEOUT_SECONDS", "1");
        PrintStream originalErr = System.err;
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        JUL.clear();
        Run run;
        try {
            System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8)); // slf4j-simple writes here
            run = Cli.run(env, command.toArray(String[]::new));
        } finally {
            System.setErr(originalErr);
        }
        String everything = run.all() + "\n" + logs.toString(StandardCharsets.UTF_8) + "\n" + String.join("\n", JUL);
        String leak = url.leakIn(everything);
        if (leak != null) {
            String line = everything.lines().filter(l -> l.contains(leak)).findFirst().orElse("");
            throw new AssertionError(String.join(" ", command) + " with " + (asMigrationUrl ? "DATABASE_MIGRATION_URL="
                    : "DATABASE_URL=") + url.url() + " printed " + leak + " of its password in: " + line);
        }
    }

    @Provide
    Arbitrary<SecretUrl> urls() {
        return SecretUrls.any();
    }

    @Provide
    Arbitrary<List<String>> commands() {
        return net.jqwik.api.Arbitraries.of(COMMANDS);
    }
}
