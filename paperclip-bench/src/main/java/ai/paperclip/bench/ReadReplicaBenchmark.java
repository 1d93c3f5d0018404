package ai.paperclip.bench;

import ai.paperclip.db.PaperclipDb;
import ai.paperclip.db.PaperclipDbOptions;
import ai.paperclip.embedded.EmbeddedPostgres;
import ai.paperclip.embedded.StandbyCluster;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jooq.Record;
import org.jooq.Result;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * List queries (50 rows of one tenant, newest first, from 100,000) by 8 threads through
 * {@link PaperclipDb#read}: on the primary alone ({@code primary}) or with one streaming replica
 * ({@code replica}: the reads go there). Both servers run on this machine and share its cores, so this
 * measures the routing's cost and what a second server on the same cores gives, not what a replica on its own
 * machine would add.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
@Threads(8)
public class ReadReplicaBenchmark {

    private static final int TENANTS = 100;

    @Param({"primary", "replica"})
    public String reads;

    private Path directory;
    private EmbeddedPostgres primary;
    private EmbeddedPostgres replica;
    private PaperclipDb db;

    @Setup(Level.Trial)
    public void start() throws IOException {
        directory = Files.createTempDirectory("paperclip-bench-replicas-");
        primary = server(directory.resolve("primary"));
        try (PaperclipDb seed = PaperclipDb.create(primary.connectionUri(), PaperclipDbOptions.defaults())) {
            seed.dsl().execute("create table if not exists bench_items (id bigint primary key, tenant int not null,"
                    + " title text not null, created_at timestamptz not null)");
            seed.dsl().execute("create index if not exists bench_items_tenant on bench_items (tenant, created_at desc)");
            seed.dsl().execute("insert into bench_items select i, i % " + TENANTS + ", 'item ' || i,"
                    + " now() - i * interval '1 minute' from generate_series(1, 100000) i on conflict do nothing");
            seed.dsl().execute("analyze bench_items");
        }
        PaperclipDbOptions.Builder options = PaperclipDbOptions.builder().poolMax(8).readPoolMax(8);
        if (reads.equals("replica")) {
            StandbyCluster.create(primary, directory.resolve("replica"));
            replica = server(directory.resolve("replica"));
            options.readUrl(replica.connectionUri());
        }
        db = PaperclipDb.create(primary.connectionUri(), options.build());
        if (replica != null) {
            while (!db.health().replicas().get(0).inRotation()) {
                Thread.onSpinWait(); // the first check runs within a replica check interval
            }
        }
    }

    @Benchmark
    public Result<Record> listQuery() {
        int tenant = ThreadLocalRandom.current().nextInt(TENANTS);
        return db.read(ctx -> ctx.resultQuery("select id, title, created_at from bench_items where tenant = ?"
                + " order by created_at desc limit 50", tenant).fetch());
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        db.close();
        if (replica != null) {
            replica.close();
        }
        primary.close();
        try (Stream<Path> files = Files.walk(directory)) {
            List<Path> all = files.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static EmbeddedPostgres server(Path dataDirectory) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        return EmbeddedPostgres.builder().dataDirectory(dataDirectory).port(port).portAttempts(20)
                .registerShutdownHook(true).start();
    }
}
