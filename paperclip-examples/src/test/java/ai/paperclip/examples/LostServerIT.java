package ai.paperclip.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.paperclip.db.DatabaseTarget;
import ai.paperclip.db.PaperclipDb;
import ai.paperclip.db.PaperclipDbOptions;
import ai.paperclip.examples.demo.CompanyTour;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the server dies under the quick start, the user sees one clear line, not HikariCP's stack traces. */
class LostServerIT {

    @TempDir
    static Path home;

    @Test
    void aServerThatStopsMidRunIsOneLineAndNoStackTraceIsLogged() throws Exception {
        Map<String, String> env = Instances.newInstance(home);
        PaperclipDbOptions options = PaperclipDbOptions.builder().connectTimeout(Duration.ofSeconds(2)).build();
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        Throwable inFlight;
        Throwable failure;
        try (PaperclipDb db = PaperclipDb.create(DatabaseTarget.resolve(env), options)) {
            CompanyTour.run(db, new Instances.Output().stream); // the pool has connections in use and idle
            try (Connection held = db.dataSource().getConnection()) {
                db.embeddedServer().orElseThrow().close(); // the server goes away under the running program
                System.setOut(new PrintStream(logged, true, StandardCharsets.UTF_8)); // slf4j-simple's target
                System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
                // A statement on a connection the server dropped: HikariCP marks it broken (and used to log why).
                inFlight = catchThrowable(() -> DSL.using(held, SQLDialect.POSTGRES).fetch("select 1"));
                failure = catchThrowable(() -> CompanyTour.run(db, new Instances.Output().stream));
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
        }

        assertThat(Launcher.describe("QuickStart", inFlight)).startsWith("QuickStart failed: lost the connection")
                .doesNotContain("\n");
        assertThat(failure).isNotNull();
        String line = Launcher.describe("QuickStart", failure);
        assertThat(line).startsWith("QuickStart failed: lost the connection to the database (")
                .contains("[SQLSTATE 08").contains("check that it is running").doesNotContain("\n");
        assertThat(logged.toString(StandardCharsets.UTF_8)).as("what the libraries logged meanwhile")
                .doesNotContain("\tat ").doesNotContain("Exception:");
    }
}
