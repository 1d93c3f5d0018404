package ai.paperclip.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A child JVM running {@link ChildStarter} with the test class path. */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private final Path stderr;

    private ChildJvm(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    static ChildJvm start(InstanceHome home, Path workDir, String... extra) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.logFile=System.err", ChildStarter.class.getName(),
                home.home().toString(), home.instanceId(), TestHomes.CACHE.toString()));
        command.addAll(List.of(extra));
        Path stderr = Files.createTempFile(workDir, "child-", ".log");
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        return new ChildJvm(process, stderr);
    }

    /** The next line the child printed; fails with its log when it ended first. */
    String expectLine(String prefix) throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("The child JVM ended without printing " + prefix + ". Its log:\n"
                + Files.readString(stderr));
    }

    /** Sends one command line to the child. */
    void send(String command) throws IOException {
        in.write(command + "\n");
        in.flush();
    }

    void stop() throws IOException, InterruptedException {
        in.write("stop\n");
        in.flush();
        expectLine("STOPPED");
        process.waitFor();
    }

    /** Asks the child to end its JVM without closing the handle, and waits for it. */
    void exitWithoutClosing() throws IOException, InterruptedException {
        in.write("exit\n");
        in.flush();
        process.waitFor();
    }

    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
