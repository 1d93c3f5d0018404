package ai.paperclip.db;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.db.internal.ConnectionUrls;
import ai.paperclip.db.introspect.DoctorCheck;
import ai.paperclip.db.introspect.DoctorChecks;
import ai.paperclip.db.migration.MigrationSource;
import ai.paperclip.db.migration.Migrator;
import ai.paperclip.db.testing.JulCapture;
import ai.paperclip.db.testing.LogCapture;
import ai.paperclip.db.testing.SecretUrls;
import ai.paperclip.db.testing.SecretUrls.SecretUrl;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The redaction property: for generated connection strings, malformed ones included, no entry point
 * of paperclip-db that takes one prints any part of its password: not the returned text, not an
 * exception (message, causes, stack trace), not an SLF4J log line (ours or HikariCP's), not pgJDBC's
 * java.util.logging output. No server is needed: hosts are a refused port on 127.0.0.1.
 */
class RedactionPropertyTest {

    private static final PaperclipDbOptions FAST = PaperclipDbOptions.builder()
            .connectTimeout(Duration.ofSeconds(1)).migrate(false).build();
    private static final Set<String> ALL_SEGMENTS = ConcurrentHashMap.newKeySet();

    @BeforeContainer
    static void captureJul() {
        JulCapture.install();
    }

    @Property(tries = 4000)
    void theMaskedFormAndTheSecretsNeverShowThePassword(@ForAll("urls") SecretUrl url) {
        remember(url);
        assertNoLeak(url, "redact", DatabaseUrls.redact(url.url()));
        assertNoLeak(url, "parse", outcome(() -> ConnectionUrls.parse(url.url()).toString()));
        // What pgJDBC and HikariCP are given (both log it; pgJDBC quotes it in errors) holds no secret.
        assertNoLeak(url, "JDBC URL", outcome(() -> ConnectionUrls.parse(url.url()).jdbcUrl()));
        assertNoLeak(url, "target", outcome(() -> DatabaseTarget.url(url.url()).describe()));
        assertNoLeak(url, "options", outcome(() -> PaperclipDbOptions.builder().migrationUrl(url.url()).build().toString()));
        assertNoLeak(url, "environment options", outcome(() ->
                PaperclipDbOptions.fromEnvironment(Map.of("DATABASE_MIGRATION_URL", url.url())).toString()));
    }

    @Property(tries = 2000)
    void noEntryPointThatConnectsPrintsThePassword(@ForAll("urls") SecretUrl url) {
        remember(url);
        int mark = LogCapture.mark();
        assertNoLeak(url, "DatabaseUrls.connect", outcome(() -> DatabaseUrls.connect(url.url(), FAST, "t").toString()));
        assertNoLeak(url, "PaperclipDb.create", outcome(() -> PaperclipDb.create(url.url(), FAST).toString()));
        assertNoLeak(url, "PaperclipDb.fromEnvironment", outcome(() -> PaperclipDb.fromEnvironment(
                Map.of("DATABASE_URL", url.url(), "DATABASE_CONNECT_TIMEOUT_SECONDS", "1")).toString()));
        assertNoLeak(url, "DATABASE_MIGRATION_URL", outcome(() -> PaperclipDb.fromEnvironment(Map.of(
                "DATABASE_URL", "postgres://app@127.0.0.1:" + SecretUrls.REFUSED_PORT + "/paperclip",
                "DATABASE_MIGRATION_URL", url.url(), "DATABASE_CONNECT_TIMEOUT_SECONDS", "1")).toString()));
        assertNoLeak(url, "doctor", outcome(() -> DoctorChecks.standard().run(url.url(), Duration.ofSeconds(1))
                .stream().map(DoctorCheck.Result::line).toList().toString()));
        assertNoLeak(url, "Migrator", outcome(() -> Migrator.configure().url(url.url()).connectOptions(FAST)
                .migrations(MigrationSource.paperclip()).load().status().toString()));
        assertNoLeak(url, "logs", LogCapture.textSince(mark));
    }

    @Property(tries = 1000)
    void noPasswordFromTheInstanceEnvFileOrConfigJsonIsPrinted(@ForAll("urls") SecretUrl url,
            @ForAll("placements") String placement) throws IOException {
        remember(url);
        Path home = Files.createTempDirectory("redaction-home");
        try {
            Path instance = Files.createDirectories(home.resolve("instances/default"));
            switch (placement) {
                case "env" -> Files.writeString(instance.resolve(".env"), "DATABASE_URL=" + url.url() + "\n");
                case "env-quoted" -> Files.writeString(instance.resolve(".env"),
                        "DATABASE_URL=\"" + url.url() + "\" # the database\n");
                case "env-migration" -> Files.writeString(instance.resolve(".env"), "DATABASE_URL=postgres://app@127.0.0.1:"
                        + SecretUrls.REFUSED_PORT + "/p\nDATABASE_MIGRATION_URL='" + url.url() + "'\n");
                case "config" -> Files.writeString(instance.resolve("config.json"), new ObjectMapper().writeValueAsString(
                        Map.of("database", Map.of("mode", "postgres", "connectionString", url.url()))));
                default -> Files.writeString(instance.resolve("config.json"), // malformed: the URL unquoted
                        "{\"database\":{\"mode\":\"postgres\",\"connectionString\":" + url.url() + "}}",
                        StandardCharsets.UTF_8);
            }
            Map<String, String> env = Map.of("PAPERCLIP_HOME", home.toString(), "HOME", home.toString(),
                    "DATABASE_CONNECT_TIMEOUT_SECONDS", "1");
            int mark = LogCapture.mark();
            assertNoLeak(url, "resolve", outcome(() -> DatabaseTarget.resolve(env).describe()));
            assertNoLeak(url, "fromEnvironment", outcome(() -> PaperclipDb.fromEnvironment(env).toString()));
            assertNoLeak(url, "logs", LogCapture.textSince(mark));
        } finally {
            try (var files = Files.walk(home)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Lines logged late (a pool's housekeeping thread) land outside their try's window: check them all. */
    @AfterContainer
    static void noLogLineOfAnyTryHoldsAnyPassword() {
        assertThat(ALL_SEGMENTS).isNotEmpty();
        String logs = LogCapture.text() + "\n" + JulCapture.text();
        Matcher candidate = SecretUrls.SEGMENT_ANYWHERE.matcher(logs);
        while (candidate.find()) {
            if (ALL_SEGMENTS.contains(candidate.group(1))) {
                int lineStart = logs.lastIndexOf('\n', candidate.start()) + 1;
                int lineEnd = logs.indexOf('\n', candidate.start());
                throw new AssertionError("A log line holds the password segment " + candidate.group(1) + ": "
                        + logs.substring(lineStart, lineEnd < 0 ? logs.length() : lineEnd));
            }
        }
    }

    @Provide
    Arbitrary<SecretUrl> urls() {
        return SecretUrls.any();
    }

    @Provide
    Arbitrary<String> placements() {
        return Arbitraries.of("env", "env-quoted", "env-migration", "config", "config-malformed");
    }

    private static void remember(SecretUrl url) {
        ALL_SEGMENTS.addAll(url.segments());
    }

    private static void assertNoLeak(SecretUrl url, String where, String output) {
        String leak = url.leakIn(output);
        if (leak != null) {
            String line = output.lines().filter(l -> l.contains(leak)).findFirst().orElse("");
            throw new AssertionError(where + " of " + url.url() + " printed " + leak + " of its password in: " + line);
        }
    }

    /** What the caller would see: the result, or the failure's full text. */
    private static String outcome(Supplier<String> call) {
        try {
            return String.valueOf(call.get());
        } catch (RuntimeException | Error e) {
            return SecretUrls.fullText(e);
        }
    }
}
