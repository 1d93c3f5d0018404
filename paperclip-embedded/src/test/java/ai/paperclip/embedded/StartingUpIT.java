package ai.paperclip.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ai.paperclip.embedded.internal.BinaryCache;
import ai.paperclip.embedded.internal.Installation;
import ai.paperclip.embedded.internal.PgCtl;
import ai.paperclip.embedded.internal.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that answers 57P03 ("the database system is not accepting connections"): a standby with
 * hot_standby off answers it until it is promoted, which makes "starting up" last as long as we like.
 */
class StartingUpIT {

    private static final Path TEST_LOG = Path.of("target", "embedded-tests-slf4j.log");

    @TempDir
    Path tmp;

    @Test
    void aServerStillStartingUpIsWaitedForAndReusedOnceItAcceptsConnections() throws Exception {
        InstanceHome home = TestHomes.withFreePort(tmp);
        Path dir = createCluster(home);
        long standby = startStandby(home, dir);
        try {
            int waitsBefore = waitLines();
            CompletableFuture<EmbeddedPostgres> start = CompletableFuture.supplyAsync(() -> TestHomes.builder(home).start());
            await("the start to log that it waits for the server starting up").atMost(Duration.ofSeconds(30))
                    .until(() -> waitLines() > waitsBefore);
            assertThat(start).isNotDone();
            assertThat(Postmasters.on(dir)).containsExactly(standby);

            ProcessRunner.Result promoted = ProcessRunner.run(List.of(installation().bin("pg_ctl").toString(),
                    "promote", "-w", "-D", dir.toString()), Duration.ofSeconds(60));
            assertThat(promoted.ok()).as(promoted.output()).isTrue();

            try (EmbeddedPostgres pg = start.get(120, TimeUnit.SECONDS)) {
                assertThat(pg.startedByThisProcess()).isFalse();
                assertThat(pg.pid()).isEqualTo(standby);
            }
        } finally {
            Postmasters.stop(dir);
        }
    }

    @Test
    void aServerThatStaysInStartUpIsAnErrorAfterTheTimeoutAndNoSecondPostmasterIsStarted() throws Exception {
        InstanceHome home = TestHomes.withFreePort(tmp);
        Path dir = createCluster(home);
        long standby = startStandby(home, dir);
        try {
            assertThatThrownBy(() -> TestHomes.builder(home).startTimeout(Duration.ofSeconds(2)).start())
                    .isInstanceOf(PostgresStartException.class)
                    .hasMessageContaining("Gave up after 2 s")
                    .hasMessageContaining("still starting up or in crash recovery (SQLSTATE 57P03)")
                    .hasMessageContaining("Raise startTimeout");
            assertThat(Postmasters.on(dir)).containsExactly(standby);
        } finally {
            Postmasters.stop(dir);
        }
    }

    private static Path createCluster(InstanceHome home) throws Exception {
        try (EmbeddedPostgres pg = TestHomes.builder(home).start()) {
            return pg.dataDirectory();
        }
    }

    private static long startStandby(InstanceHome home, Path dir) throws Exception {
        Files.createFile(dir.resolve("standby.signal"));
        int port = PaperclipConfig.read(home.configFile()).embeddedPostgresPort();
        ProcessRunner.Result started = new PgCtl(installation(), dir)
                .start(port, home.logsDirectory().resolve("standby.log"), Duration.ofSeconds(60),
                        Map.of("hot_standby", "off"));
        assertThat(started.ok()).as(started.output()).isTrue();
        return Postmasters.on(dir).get(0);
    }

    private static Installation installation() {
        return BinaryCache.resolve(PostgresBinaries.bundled(), TestHomes.CACHE);
    }

    private static int waitLines() throws Exception {
        return (int) Files.readAllLines(TEST_LOG).stream().filter(l -> l.contains("is starting or recovering (57P03)")).count();
    }
}
