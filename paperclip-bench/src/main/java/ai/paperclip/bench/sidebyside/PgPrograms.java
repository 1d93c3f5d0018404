package ai.paperclip.bench.sidebyside;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The PostgreSQL programs the library extracted into an instance home's cache ({@code <home>/cache/postgres-*}),
 * run the way the library runs them: as root inside a new user namespace ({@code unshare -U}), PostgreSQL
 * refusing to run as root. For the floor workload, which drives them without the library.
 */
final class PgPrograms {

    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final Path bin;

    private PgPrograms(Path bin) {
        this.bin = bin;
    }

    /** The binaries in {@code home}'s cache: exactly one extracted PostgreSQL is expected there. */
    static PgPrograms in(Path home) throws IOException {
        try (Stream<Path> dirs = Files.list(home.resolve("cache"))) {
            List<Path> found = dirs.filter(d -> d.getFileName().toString().startsWith("postgres-")
                    && Files.isExecutable(d.resolve("bin").resolve("postgres"))).toList();
            if (found.size() != 1) {
                throw new IllegalStateException(home.resolve("cache") + " holds " + found.size()
                        + " extracted PostgreSQL installations, expected 1: run prepare first");
            }
            return new PgPrograms(found.get(0).resolve("bin"));
        }
    }

    /** The command line for {@code program}, wrapped in {@code unshare -U} when we run as root. */
    List<String> command(String program, String... args) {
        List<String> command = new ArrayList<>();
        if (ROOT) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        return command;
    }

    /** Runs {@code program} to its end and returns the milliseconds it took; fails with its output. */
    double run(String program, String... args) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command(program, args)).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(program + " " + String.join(" ", args) + " failed: "
                    + new String(output, StandardCharsets.UTF_8));
        }
        return Figures.millisSince(t0);
    }

    /** Starts {@code program} with its stderr readable (the postgres log), stdout discarded. */
    Process spawn(String program, String... args) throws IOException {
        return new ProcessBuilder(command(program, args)).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
