package ai.paperclip.migrate.testing;

import ai.paperclip.embedded.EmbeddedPostgres;
import ai.paperclip.embedded.InstanceHome;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Orphaned embedded servers, as a killed application leaves them: a child JVM starts the instance's server
 * without a shutdown hook and exits without closing it, so the server runs on and no process uses it.
 */
public final class Orphans {

    private Orphans() {
    }

    /** Leaves the server of the instance {@code env} names running, orphaned; returns its postmaster's pid. */
    public static long leaveRunning(EmbeddedHome.Instance instance) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                Orphans.class.getName(), instance.env().get("PAPERCLIP_HOME"), instance.env().get("PAPERCLIP_INSTANCE_ID")))
                .redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                output.append(line).append('\n');
                if (line.startsWith("ORPHANED ")) {
                    if (!child.waitFor(2, TimeUnit.MINUTES)) {
                        child.destroyForcibly();
                        throw new AssertionError("the child JVM did not exit:\n" + output);
                    }
                    return Long.parseLong(line.substring("ORPHANED ".length()).trim());
                }
            }
        }
        child.waitFor();
        throw new AssertionError("the child JVM ended without starting the server:\n" + output);
    }

    /** The child: starts the server, prints its pid, exits without closing (no hook). */
    public static void main(String[] args) {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().instanceHome(InstanceHome.of(Path.of(args[0]), args[1]))
                .registerShutdownHook(false).start();
        System.out.println("ORPHANED " + pg.pid());
        System.out.flush();
        System.exit(0);
    }
}
