package ai.paperclip.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.embedded.internal.Ports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The very first start (a template to create) shows its steps on a terminal, on standard error; without a
 * console (a service, a build, this test's own JVM) it shows nothing there. The terminal is a real
 * pseudo-terminal: util-linux's {@code script}, which the test requires rather than skips without.
 */
class FirstStartProgressIT {

    private static final Path SCRIPT = Path.of("/usr/bin/script");

    @TempDir
    Path tmp;

    @Test
    void aTerminalSeesTheStepsOfTheFirstStart() throws Exception {
        assertThat(SCRIPT).as("util-linux's script gives the child JVM a terminal").isExecutable();
        String output = run(true, "progress_tty_" + System.nanoTime());

        assertThat(output).contains("STARTED")
                .contains("paperclip: Creating the PostgreSQL 18")
                .contains("cluster template (initdb, once per machine)...")
                .contains("paperclip: Creating the database 'progress_tty_");
    }

    @Test
    void withoutAConsoleNothingIsWrittenToStandardError() throws Exception {
        String output = run(false, "progress_plain_" + System.nanoTime());

        assertThat(output).contains("STARTED").doesNotContain("paperclip: ");
    }

    /** Stdout and stderr of a child JVM making a new template (its own database name), under a terminal or not. */
    private String run(boolean terminal, String database) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> child = List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.logFile=" + tmp.resolve("child-slf4j.log"), FirstStartChild.class.getName(),
                tmp.resolve("home").toString(), TestHomes.CACHE.toString(), database, Integer.toString(Ports.anyFree()));
        List<String> command = new ArrayList<>();
        if (terminal) {
            // script -q -e -c "<command>" /dev/null: the command runs on a new pseudo-terminal, output copied to ours.
            command.addAll(List.of(SCRIPT.toString(), "-q", "-e", "-c", shellQuote(child), "/dev/null"));
        } else {
            command.addAll(child);
        }
        Path out = tmp.resolve("out-" + terminal + ".txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        process.getOutputStream().close();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static String shellQuote(List<String> words) {
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            b.append('\'').append(w.replace("'", "'\\''")).append("' ");
        }
        return b.toString().strip();
    }
}
