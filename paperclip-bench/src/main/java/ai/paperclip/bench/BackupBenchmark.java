package ai.paperclip.bench;

import ai.paperclip.db.backup.BackupOptions;
import ai.paperclip.db.backup.BackupResult;
import ai.paperclip.db.backup.Backups;
import ai.paperclip.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * A backup and a restore of a database with {@code megabytes} of table data (default 1024) on a temporary
 * embedded PostgreSQL 18, in a JVM limited to 128 MB of heap: one shot each (a run takes minutes), seconds per
 * operation printed by JMH, MB/s of table data printed at the end. No pg_dump beside it: the embedded server is
 * 18 and a pg_dump refuses a server newer than itself (Debian 12 ships 15).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx128m")
public class BackupBenchmark {

    /** Table data to generate, in MB. */
    @Param("1024")
    public int megabytes;

    private Path work;
    private EmbeddedPostgres server;
    private BackupOptions options;
    private long dataBytes;
    private BackupResult made;
    private int restores;

    @Setup(Level.Trial)
    public void fill() throws Exception {
        work = Files.createTempDirectory("paperclip-backup-bench");
        server = EmbeddedPostgres.builder().dataDirectory(work.resolve("db")).port(freePort())
                .cacheDirectory(work.resolve("cache")).start();
        options = BackupOptions.builder().directory(work.resolve("backups")).migrate(false).build();
        int rows = megabytes * 1024; // 1 KB of hex text per row: compresses about 2:1, as real text does, not 30:1
        sql("postgres", "CREATE DATABASE source");
        sql("source", "CREATE TABLE blobs (id int PRIMARY KEY, body text NOT NULL, at timestamptz DEFAULT now())",
                "INSERT INTO blobs (id, body) SELECT g, (SELECT string_agg(md5((g * 32 + i)::text), '') FROM"
                        + " generate_series(1, 32) i) FROM generate_series(1, " + rows + ") g");
        try (Connection c = connect("source"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT sum(length(body)) FROM blobs")) {
            rs.next();
            dataBytes = rs.getLong(1);
        }
        made = Backups.of(url("source"), options).backup(); // the file the restore benchmark reads
    }

    @Benchmark
    public BackupResult backup() {
        return Backups.of(url("source"), options).backup();
    }

    @Benchmark
    public long restore() throws SQLException {
        String target = "target_" + ++restores;
        sql("postgres", "CREATE DATABASE " + target);
        return Backups.of(url(target), options).restore(made.file(), false).rows();
    }

    @TearDown(Level.Trial)
    public void report() throws IOException {
        System.out.printf("%nBackupBenchmark: %d MB of table data, backup file %d MB (gzip level 1)%n",
                dataBytes / (1024 * 1024), made.sizeBytes() / (1024 * 1024));
        System.out.printf("BackupBenchmark: the setup's backup took %.1f s = %.0f MB/s of table data%n",
                made.took().toMillis() / 1000.0, dataBytes / (1024.0 * 1024) / (made.took().toMillis() / 1000.0));
        server.close();
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private String url(String database) {
        return "postgres://" + server.user() + ":" + server.password() + "@" + server.host() + ":" + server.port() + "/"
                + database;
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(database), server.user(), server.password());
    }

    private void sql(String database, String... statements) throws SQLException {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
