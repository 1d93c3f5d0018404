package ai.paperclip.db.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.db.DbHealth;
import ai.paperclip.db.PaperclipDb;
import ai.paperclip.db.PaperclipDbOptions;
import ai.paperclip.db.introspect.DoctorCheck;
import ai.paperclip.db.introspect.DoctorChecks;
import ai.paperclip.db.testing.LogCapture;
import ai.paperclip.db.testing.ReplicatedPostgres;
import ai.paperclip.db.testing.Wait;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** health(), the Micrometer meters, the connection warning and the statement timeout, on a primary with a replica. */
class MonitoringIT {

    private static ReplicatedPostgres pg;

    @BeforeAll
    static void start() {
        pg = ReplicatedPostgres.start();
    }

    @AfterAll
    static void stop() {
        if (pg != null) {
            pg.close();
        }
    }

    private static PaperclipDbOptions.Builder options() {
        return PaperclipDbOptions.builder().readUrl(pg.replicaUrl()).replicaCheckInterval(Duration.ofMillis(100))
                .monitorInterval(Duration.ofMillis(100));
    }

    @Test
    void healthReportsEveryPoolTheServerConnectionsTheReplicaAndTheMigrationState() {
        try (PaperclipDb db = PaperclipDb.create(pg.primaryUrl(), options().build())) {
            db.read(ctx -> ctx.fetchValue(DSL.field("1", Integer.class)));
            DbHealth health = db.health();
            assertThat(health.pools()).extracting(DbHealth.Pool::role).containsExactly("primary", "replica", "migration");
            assertThat(health.pools()).extracting(DbHealth.Pool::name).containsExactly("paperclip", "paperclip-read-1", "migration");
            assertThat(health.pools().get(1).max()).isEqualTo(PaperclipDbOptions.DEFAULT_READ_POOL_MAX);
            assertThat(health.pools().get(1).idle() + health.pools().get(1).active()).isPositive();
            assertThat(health.maxConnections()).isEqualTo(ReplicatedPostgres.MAX_CONNECTIONS);
            assertThat(health.serverConnections()).isPositive().isLessThanOrEqualTo(health.maxConnections());
            assertThat(health.connectionRatio())
                    .isEqualTo((double) health.serverConnections() / health.maxConnections());
            assertThat(health.migrationState()).isEqualTo("up to date");
            DbHealth.Replica replica = health.replicas().get(0);
            assertThat(replica.name()).isEqualTo("127.0.0.1:" + pg.replicaPort());
            assertThat(replica.inRotation()).isTrue();
            assertThat(replica.problem()).isEmpty();
            assertThat(replica.lag()).hasValueSatisfying(lag -> assertThat(lag).isLessThan(Duration.ofSeconds(10)));
            assertThat(replica.replayed().position()).isPositive();
        }
    }

    @Test
    void metricsGoToTheRegistryUnderTheDocumentedNamesAndLeaveWithTheDatabase() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        String replicaName = "127.0.0.1:" + pg.replicaPort();
        try (PaperclipDb db = PaperclipDb.create(pg.primaryUrl(), options().meterRegistry(registry).build())) {
            db.read(ctx -> ctx.fetchValue(DSL.field("1", Integer.class)));
            Wait.until("a connection sample", Duration.ofMinutes(1),
                    () -> registry.get("paperclip.db.server.connections").gauge().value() > 0);
            double connections = registry.get("paperclip.db.server.connections").tag("pool", "paperclip").gauge().value();
            assertThat(registry.get("paperclip.db.server.max.connections").gauge().value())
                    .isEqualTo(ReplicatedPostgres.MAX_CONNECTIONS);
            assertThat(registry.get("paperclip.db.server.connections.ratio").gauge().value()).isBetween(0.0, 1.0);
            assertThat(connections).isBetween(1.0, (double) ReplicatedPostgres.MAX_CONNECTIONS);
            assertThat(registry.get("paperclip.db.replicas").gauge().value()).isEqualTo(1);
            assertThat(registry.get("paperclip.db.replicas.in.rotation").gauge().value()).isEqualTo(1);
            Gauge lag = registry.get("paperclip.db.replica.lag").tag("replica", replicaName).gauge();
            assertThat(lag.value()).isBetween(0.0, 10.0);
            assertThat(lag.getId().getBaseUnit()).isEqualTo("seconds");
            // HikariCP's own meters, one set per pool.
            assertThat(registry.get("hikaricp.connections.max").tag("pool", "paperclip").gauge().value())
                    .isEqualTo(PaperclipDbOptions.DEFAULT_POOL_MAX);
            assertThat(registry.get("hikaricp.connections.max").tag("pool", "paperclip-read-1").gauge().value())
                    .isEqualTo(PaperclipDbOptions.DEFAULT_READ_POOL_MAX);
            assertThat(registry.get("hikaricp.connections.acquire").tag("pool", "paperclip-read-1").timer().count())
                    .isPositive();
        }
        assertThat(registry.find("paperclip.db.server.connections").gauge()).isNull();
        assertThat(registry.find("paperclip.db.replica.lag").gauge()).isNull();
    }

    @Test
    void warnsOnceWhenConnectionsInUsePassTheThreshold() throws Exception {
        int mark = LogCapture.mark();
        PaperclipDbOptions options = options().connectionWarnPercent(50).connectionWarnInterval(Duration.ofHours(1)).build();
        try (PaperclipDb db = PaperclipDb.create(pg.primaryUrl(), options)) {
            db.health();
            assertThat(warnings(mark)).isZero();
            List<Connection> held = new ArrayList<>();
            try {
                Properties credentials = new Properties();
                credentials.setProperty("user", "paperclip");
                credentials.setProperty("password", "paperclip");
                String url = "jdbc:postgresql://127.0.0.1:" + pg.primaryUrl().replaceAll(".*:(\\d+)/.*", "$1") + "/paperclip";
                while (held.size() < ReplicatedPostgres.MAX_CONNECTIONS / 2 + 2) {
                    held.add(DriverManager.getConnection(url, credentials));
                }
                Wait.until("the connection warning", Duration.ofMinutes(1), () -> warnings(mark) > 0);
                DbHealth busy = db.health();
                assertThat(busy.connectionRatio()).isGreaterThanOrEqualTo(0.5);
                db.health();
                assertThat(warnings(mark)).as("one warning per interval").isEqualTo(1);
                assertThat(LogCapture.textSince(mark)).contains("past the 50% warning threshold")
                        .contains("max_connections (" + ReplicatedPostgres.MAX_CONNECTIONS + ")")
                        .doesNotContain(":paperclip@");
            } finally {
                for (Connection c : held) {
                    c.close();
                }
            }
        }
    }

    private static long warnings(int mark) {
        return LogCapture.textSince(mark).lines().filter(line -> line.contains("warning threshold")).count();
    }

    @Test
    void doctorReportsEachReplica() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String dead = pg.replicaUrl().replace(":" + pg.replicaPort() + "/", ":" + closedPort + "/");
        List<DoctorCheck.Result> results = DoctorChecks.replicas(
                pg.replicaUrl() + "," + dead + "," + pg.primaryUrl(), Duration.ofSeconds(5));
        assertThat(results).extracting(DoctorCheck.Result::name).containsExactly("replica 127.0.0.1:" + pg.replicaPort(),
                "replica 127.0.0.1:" + closedPort, "replica " + pg.primaryUrl().replaceAll(".*@(.*)/.*", "$1"));
        assertThat(results).extracting(DoctorCheck.Result::status).containsExactly(DoctorCheck.Status.OK,
                DoctorCheck.Status.WARN, DoctorCheck.Status.WARN);
        assertThat(results.get(0).message()).startsWith("hot standby, replayed ").contains("of max_connections 60 in use");
        assertThat(results.get(1).message()).startsWith("unreachable, reads run on the primary");
        assertThat(results.get(2).message()).startsWith("not in recovery");
        assertThat(results).allSatisfy(r -> assertThat(r.message()).doesNotContain(":paperclip@"));
    }

    @Test
    void withoutMicrometerOnTheClassPathEverythingButMetricsWorks(@TempDir Path tmp) throws Exception {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("micrometer"))
                .collect(Collectors.joining(File.pathSeparator));
        Path output = tmp.resolve("child.txt");
        // No jOOQ tip of the day: one of them names NoClassDefFoundError, which the assertion below looks for.
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.jooq.no-tips=true", "-Dorg.jooq.no-logo=true", "-cp",
                classPath, NoMicrometerMain.class.getName(), pg.primaryUrl(), pg.replicaUrl())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String text = Files.readString(output);
        assertThat(child.exitValue()).as(text).isZero();
        assertThat(text).contains("OK replica=true pools=3 inRotation=true").doesNotContain("NoClassDefFoundError");
    }

    @Test
    void theStatementTimeoutAppliesToApplicationSessionsOnBothServers() {
        try (PaperclipDb db = PaperclipDb.create(pg.primaryUrl(), options().build())) {
            assertThat(db.dsl().fetchValue("show statement_timeout")).isEqualTo("1min");
            assertThat(db.<Object>read(ctx -> ctx.fetchValue("show statement_timeout"))).isEqualTo("1min");
        }
        PaperclipDbOptions upstream = PaperclipDbOptions.builder().environment(Map.of(
                "DATABASE_READ_URL", pg.replicaUrl(), "PAPERCLIP_DB_STATEMENT_TIMEOUT_MS", "2500")).build();
        try (PaperclipDb db = PaperclipDb.create(pg.primaryUrl(), upstream)) {
            assertThat(db.dsl().fetchValue("show statement_timeout")).isEqualTo("2500ms");
            assertThat(db.<Object>read(ctx -> ctx.fetchValue("show statement_timeout"))).isEqualTo("2500ms");
        }
        PaperclipDbOptions off = options().statementTimeout(Duration.ZERO).build();
        try (PaperclipDb db = PaperclipDb.create(pg.primaryUrl(), off)) {
            assertThat(db.dsl().fetchValue("show statement_timeout")).isEqualTo("0");
        }
    }
}
