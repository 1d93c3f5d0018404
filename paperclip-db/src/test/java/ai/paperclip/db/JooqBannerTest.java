package ai.paperclip.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * jOOQ prints its logo and a tip of the day into the application's log when it first renders SQL, once per
 * JVM; with the library loaded it does not, unless the host asked for them. Each case runs in a fresh JVM
 * (jOOQ decides once), logging through the tests' SLF4J binding, which copies INFO to standard error.
 */
class JooqBannerTest {

    @Test
    void theLibraryKeepsJooqsLogoAndTipOutOfTheLog() throws Exception {
        String log = child();

        assertThat(log).contains("RENDERED select 1").doesNotContain("Thank you for using jOOQ")
                .doesNotContain("tip of the day");
    }

    @Test
    void aHostThatSetsThePropertiesKeepsItsChoice() throws Exception {
        String log = child("-Dorg.jooq.no-logo=false", "-Dorg.jooq.no-tips=false");

        assertThat(log).contains("RENDERED select 1").contains("Thank you for using jOOQ").contains("tip of the day");
    }

    @Test
    void controlWithoutTheLibraryJooqPrintsBoth() throws Exception {
        // The same child minus the library: proves the child's log would show the banner (the test can fail).
        String plain = run(List.of("-cp", System.getProperty("java.class.path"),
                PlainJooqChild.class.getName()));
        assertThat(plain).contains("Thank you for using jOOQ").contains("tip of the day");
    }

    private static String child(String... properties) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(properties));
        args.addAll(List.of("-cp", System.getProperty("java.class.path"),
                JooqBannerChild.class.getName()));
        return run(args);
    }

    private static String run(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
