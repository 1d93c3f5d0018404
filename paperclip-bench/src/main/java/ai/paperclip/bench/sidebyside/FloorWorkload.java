package ai.paperclip.bench.sidebyside;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * The physical floor, as the peer's {@code floor.mjs}: the library's own PostgreSQL binaries driven without the
 * library (as root under {@code unshare -U}, as the library runs them), in one fresh JVM. Cold: initdb (the
 * library's flags, scram-sha-256) + {@code pg_ctl start -w} + the first {@code select 1} over pgJDBC (connect,
 * authenticate, query; the JVM's first, so it includes loading pgJDBC, as the peer's includes postgres.js's first
 * use); warm: {@code pg_ctl start -w} on that stopped cluster + first query; 5,000 sequential
 * {@code select 1} round trips on one connection, raw pgJDBC ({@code rtt_raw_*}) and through jOOQ
 * ({@code rtt_jooq_*}, the peer's {@code rtt_drizzle_*}); a direct spawn of {@code postgres} until its "ready to
 * accept connections" line, its first query, and its stop (SIGTERM, a smart shutdown, which with no client
 * left is the fast shutdown the peer's SIGINT asks for); {@code initdb --no-sync} for reference.
 * Usage: {@code <home>} (an instance home whose cache holds the extracted binaries).
 */
public final class FloorWorkload {

    private static final int RTT_N = 5_000;
    private static final int RTT_WARMUP = 500;
    private static final String USER = "paperclip";

    private FloorWorkload() {
    }

    public static void main(String[] args) throws Exception {
        run(Path.of(args[0]), RTT_N, RTT_WARMUP).emit();
    }

    static Figures run(Path home, int rttN, int rttWarmup) throws Exception {
        PgPrograms pg = PgPrograms.in(home);
        Path work = Files.createTempDirectory(home, "floor-");
        Path data = work.resolve("data");
        Path nosync = work.resolve("nosync");
        Path pwfile = Files.writeString(work.resolve("pw"), USER + "\n");
        Path log = work.resolve("log");
        Figures r = new Figures("floor");
        Process spawned = null;
        try {
            int port = Ports.free();
            double initdb = pg.run("initdb", initdbArgs(data, pwfile));
            double coldStart = pg.run("pg_ctl", pgCtlStart(data, log, port));
            r.put("cold_initdb_ms", initdb).put("cold_pgctl_start_ms", coldStart);
            long q0 = System.nanoTime();
            Connection c = connect(port);
            selectOne(c);
            double coldFirst = Figures.millisSince(q0);
            r.put("cold_first_query_ms", coldFirst).put("cold_total_ms", initdb + coldStart + coldFirst);
            c.close();
            r.put("pgctl_stop_ms", pg.run("pg_ctl", "stop", "-w", "-m", "fast", "-D", data.toString()));

            port = Ports.free();
            double warmStart = pg.run("pg_ctl", pgCtlStart(data, log, port));
            r.put("warm_pgctl_start_ms", warmStart);
            q0 = System.nanoTime();
            c = connect(port);
            selectOne(c);
            double warmFirst = Figures.millisSince(q0);
            r.put("warm_first_query_ms", warmFirst).put("warm_total_ms", warmStart + warmFirst);

            try (PreparedStatement ps = c.prepareStatement("select 1")) {
                Latencies.run(rttWarmup, 1, i -> once(ps));
                Latencies.run(rttN, 1, i -> once(ps)).into(r, "rtt_raw");
            }
            DSLContext dsl = DSL.using(c, SQLDialect.POSTGRES);
            Latencies.run(rttWarmup, 1, i -> dsl.fetchValue("select 1"));
            Latencies.run(rttN, 1, i -> dsl.fetchValue("select 1")).into(r, "rtt_jooq");
            c.close();
            pg.run("pg_ctl", "stop", "-w", "-m", "fast", "-D", data.toString());

            port = Ports.free();
            long s0 = System.nanoTime();
            spawned = pg.spawn("postgres", "-D", data.toString(), "-p", String.valueOf(port), "-c",
                    "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=");
            awaitReady(spawned);
            double ready = Figures.millisSince(s0);
            r.put("warm_spawn_ready_ms", ready);
            q0 = System.nanoTime();
            c = connect(port);
            selectOne(c);
            double spawnFirst = Figures.millisSince(q0);
            r.put("warm_spawn_first_query_ms", spawnFirst).put("warm_spawn_total_ms", ready + spawnFirst);
            c.close();
            long k0 = System.nanoTime();
            spawned.destroy();
            if (!spawned.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("postgres did not stop within 60 s of SIGTERM");
            }
            r.put("spawn_stop_ms", Figures.millisSince(k0));
            spawned = null;

            r.put("initdb_nosync_ms", pg.run("initdb", append(initdbArgs(nosync, pwfile), "--no-sync")));
            r.put("rtt_n", rttN).put("rtt_warmup", rttWarmup);
        } finally {
            if (spawned != null) {
                spawned.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            if (Files.isRegularFile(data.resolve("postmaster.pid"))) {
                new ProcessBuilder(pg.command("pg_ctl", "stop", "-w", "-m", "immediate", "-D", data.toString()))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
                        .waitFor(60, TimeUnit.SECONDS);
            }
            Trees.delete(work);
        }
        return r;
    }

    private static String[] initdbArgs(Path data, Path pwfile) {
        return new String[] {"--pgdata=" + data, "--auth=scram-sha-256", "--username=" + USER, "--pwfile=" + pwfile,
            "--encoding=UTF8", "--locale=C", "--lc-messages=C"};
    }

    private static String[] pgCtlStart(Path data, Path log, int port) {
        return new String[] {"start", "-w", "-t", "60", "-D", data.toString(), "-l", log.toString(), "-o",
            "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''"};
    }

    private static String[] append(String[] args, String extra) {
        String[] all = Arrays.copyOf(args, args.length + 1);
        all[args.length] = extra;
        return all;
    }

    private static Connection connect(int port) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", USER, USER);
    }

    private static void selectOne(Connection c) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("select 1 as one")) {
            once(ps);
        }
    }

    private static void once(PreparedStatement ps) throws Exception {
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next() || rs.getInt(1) != 1) {
                throw new IllegalStateException("select 1 did not answer 1");
            }
        }
    }

    /** Reads the server's log on stderr until it says it is ready (as the peer waits for the same line). */
    private static void awaitReady(Process postgres) throws Exception {
        BufferedReader err = new BufferedReader(new InputStreamReader(postgres.getErrorStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = err.readLine(); line != null; line = err.readLine()) {
            seen.append(line).append('\n');
            if (line.contains("database system is ready to accept connections")) {
                Thread drain = new Thread(() -> {
                    try {
                        err.transferTo(java.io.Writer.nullWriter());
                    } catch (java.io.IOException closed) {
                        // the server ended
                    }
                }, "postgres-log");
                drain.setDaemon(true);
                drain.start();
                return;
            }
        }
        throw new IllegalStateException("postgres exited before it was ready: " + seen);
    }
}
