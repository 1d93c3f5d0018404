package ai.paperclip.db.testing;

import com.sun.security.auth.module.UnixSystem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real PgBouncer (found or installed by {@link PgBouncerBinary}) in transaction mode in front of a
 * {@link PostgresServer}, with SCRAM authentication from a userlist. It refuses to run as root, so as
 * root it runs in a user namespace ({@code unshare -U}: inside it we are uid 65534), as PostgreSQL does.
 *
 * <p>Three pools on the same database, {@code paperclip}, {@code prepared_on} and {@code prepared_off}, so
 * one test's server connections (and the prepared statements on them) never reach another test.
 */
public final class PgBouncer implements AutoCloseable {

    /** Server connections per (database, user) pool: fewer than our clients, so they are shared. */
    public static final int POOL_SIZE = 4;

    private final Process process;
    private final int port;
    private final ConcurrentLinkedQueue<String> output;

    private PgBouncer(Process process, int port, ConcurrentLinkedQueue<String> output) {
        this.process = process;
        this.port = port;
        this.output = output;
    }

    /** Writes the configuration into {@code directory}, starts PgBouncer and waits until it listens. */
    public static PgBouncer start(PostgresServer server, Path directory) throws Exception {
        Path binary = PgBouncerBinary.require();
        int port = freePort();
        Path ini = directory.resolve("pgbouncer.ini");
        Path userlist = directory.resolve("userlist.txt");
        Files.writeString(userlist, "\"" + PostgresServer.USER + "\" \""
                + PostgresServer.PASSWORD.replace("\"", "\"\"") + "\"\n");
        String backend = "host=127.0.0.1 port=" + server.port() + " dbname=" + PostgresServer.DATABASE;
        Files.writeString(ini, String.join("\n",
                "[databases]",
                "paperclip = " + backend,
                "prepared_on = " + backend,
                "prepared_off = " + backend,
                "[pgbouncer]",
                "listen_addr = 127.0.0.1",
                "listen_port = " + port,
                "unix_socket_dir =",
                "auth_type = scram-sha-256",
                "auth_file = " + userlist,
                "pool_mode = transaction",
                "default_pool_size = " + POOL_SIZE,
                "max_client_conn = 200",
                // pgJDBC sends extra_float_digits at start-up; PgBouncer 1.18 refuses unknown parameters.
                "ignore_startup_parameters = extra_float_digits",
                "logfile =",
                "pidfile =",
                ""));
        List<String> command = new ArrayList<>();
        if (new UnixSystem().getUid() == 0) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(binary.toString(), ini.toString()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .start();
        ConcurrentLinkedQueue<String> output = new ConcurrentLinkedQueue<>();
        CompletableFuture<Boolean> up = new CompletableFuture<>();
        Thread reader = new Thread(() -> drain(process, output, up), "pgbouncer-output");
        reader.setDaemon(true);
        reader.start();
        boolean ready;
        try {
            ready = up.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            ready = false;
        }
        if (!ready) {
            process.destroyForcibly();
            throw new IllegalStateException("PgBouncer did not start; its output:\n" + String.join("\n", output));
        }
        return new PgBouncer(process, port, output);
    }

    private static void drain(Process process, ConcurrentLinkedQueue<String> output, CompletableFuture<Boolean> up) {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                output.add(line);
                if (line.contains("process up")) {
                    up.complete(true);
                }
            }
        } catch (IOException e) {
            output.add("(reading PgBouncer's output failed: " + e + ")");
        }
        up.complete(false);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** A libpq URL to {@code database} through this PgBouncer, with the application role's password. */
    public String url(String database) {
        return "postgres://" + PostgresServer.USER + ":" + PostgresServer.encoded(PostgresServer.PASSWORD)
                + "@127.0.0.1:" + port + "/" + database;
    }

    /** What PgBouncer printed so far (its log goes to stdout/stderr, no file). */
    public List<String> output() {
        return List.copyOf(output);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM: PgBouncer exits at once
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
