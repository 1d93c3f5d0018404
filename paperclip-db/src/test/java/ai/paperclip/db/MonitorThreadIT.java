package ai.paperclip.db;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.db.testing.LogCapture;
import ai.paperclip.db.testing.PostgresServer;
import ai.paperclip.db.testing.SharedPostgres;
import ai.paperclip.db.testing.Wait;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The background monitor runs only when something needs it (replicas, the connection warning, gauges), and its
 * connection sample never competes with the application for the pool.
 */
@ExtendWith(SharedPostgres.class)
class MonitorThreadIT {

    private static final Duration WAIT = Duration.ofMinutes(1);

    private static boolean monitorAlive(String poolName) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().equals("paperclip-db-monitor-" + poolName));
    }

    @Test
    void noBackgroundThreadWithoutReplicasGaugesOrTheWarningAndOneWithTheDefaultWarning(PostgresServer server) {
        PaperclipDbOptions quiet = PaperclipDbOptions.builder().poolName("quiet").poolMax(2).connectionWarnPercent(0).build();
        try (PaperclipDb db = PaperclipDb.create(server.url(), quiet)) {
            assertThat(monitorAlive("quiet")).isFalse();
            DbHealth health = db.health(); // still sampled, on the caller's thread
            assertThat(health.serverConnections()).isPositive();
        }
        PaperclipDbOptions warning = PaperclipDbOptions.builder().poolName("warning").poolMax(2).build();
        assertThat(warning.connectionWarnPercent()).isEqualTo(PaperclipDbOptions.DEFAULT_CONNECTION_WARN_PERCENT);
        try (PaperclipDb db = PaperclipDb.create(server.url(), warning)) {
            assertThat(monitorAlive("warning")).isTrue();
        }
        Wait.until("the monitor thread to end with its database", WAIT, () -> !monitorAlive("warning"));
    }

    @Test
    void theSampleSkipsAnExhaustedPoolInsteadOfWaitingForTheApplicationsConnections(PostgresServer server)
            throws Exception {
        PaperclipDbOptions options = PaperclipDbOptions.builder().poolName("exhausted").poolMax(2)
                .monitorInterval(Duration.ofMillis(50)).build();
        try (PaperclipDb db = PaperclipDb.create(server.url(), options)) {
            HikariPoolMXBean pool = db.dataSource().unwrap(HikariDataSource.class).getHikariPoolMXBean();
            int mark = LogCapture.mark();
            try (Connection first = db.dataSource().getConnection(); Connection second = db.dataSource().getConnection()) {
                Wait.until("three skipped samples", WAIT, () -> skipped(mark) >= 3);
                assertThat(pool.getThreadsAwaitingConnection()).as("the monitor does not queue for a connection").isZero();
                assertThat(pool.getTotalConnections()).as("nor make the pool open one for it").isEqualTo(2);
                assertThat(pool.getActiveConnections()).isEqualTo(2);
            }
            // Back to idle connections: samples run again and health() counts none of them as the application's.
            int after = LogCapture.mark();
            Wait.until("a sample that is not skipped", WAIT, () -> db.health().serverConnections() > 0 && pool.getIdleConnections() > 0);
            assertThat(db.health().activeConnections()).isZero();
            assertThat(LogCapture.textSince(after)).doesNotContain(PostgresServer.PASSWORD);
        }
    }

    @Test
    void healthAnswersWhileTheApplicationHoldsEveryConnectionWithoutQueueingForOne(PostgresServer server)
            throws Exception {
        PaperclipDbOptions options = PaperclipDbOptions.builder().poolName("held").poolMax(2).connectionWarnPercent(0)
                .build();
        try (PaperclipDb db = PaperclipDb.create(server.url(), options)) {
            HikariPoolMXBean pool = db.dataSource().unwrap(HikariDataSource.class).getHikariPoolMXBean();
            try (Connection first = db.dataSource().getConnection(); Connection second = db.dataSource().getConnection()) {
                DbHealth health = db.health();
                assertThat(health.activeConnections()).isEqualTo(2);
                assertThat(health.idleConnections()).isZero();
                assertThat(health.serverConnections()).as("the two held and the probe's own").isGreaterThanOrEqualTo(3);
                assertThat(health.migrationState()).doesNotStartWith("unknown");
                assertThat(pool.getThreadsAwaitingConnection()).as("health() did not queue for the pool").isZero();
                assertThat(pool.getTotalConnections()).as("nor make it open a third").isEqualTo(2);
            }
            assertThat(db.health().activeConnections()).isZero();
        }
    }

    @Test
    void theReplicaCheckSkipsThePrimarysSampleWhenItsPoolIsExhausted(PostgresServer server) throws Exception {
        // The primary named as its own "replica": out of the rotation (not in recovery), yet checked every round.
        PaperclipDbOptions options = PaperclipDbOptions.builder().poolName("checked").poolMax(2).readUrl(server.url())
                .readPoolMax(1).replicaCheckInterval(Duration.ofMillis(50)).connectionWarnPercent(0).build();
        try (PaperclipDb db = PaperclipDb.create(server.url(), options)) {
            HikariPoolMXBean pool = db.dataSource().unwrap(HikariDataSource.class).getHikariPoolMXBean();
            int mark = LogCapture.mark();
            try (Connection first = db.dataSource().getConnection(); Connection second = db.dataSource().getConnection()) {
                Wait.until("three unsampled rounds", WAIT, () -> LogCapture.textSince(mark).lines()
                        .filter(line -> line.contains("its WAL position is not sampled")).count() >= 3);
                assertThat(pool.getThreadsAwaitingConnection()).as("the check does not queue for a connection").isZero();
                assertThat(pool.getTotalConnections()).isEqualTo(2);
            }
        }
    }

    private static long skipped(int mark) {
        return LogCapture.textSince(mark).lines()
                .filter(line -> line.contains("skipped: no idle connection in pool 'exhausted'")).count();
    }
}
