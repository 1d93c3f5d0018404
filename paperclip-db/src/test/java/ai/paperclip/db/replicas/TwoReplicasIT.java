package ai.paperclip.db.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.db.DbHealth;
import ai.paperclip.db.PaperclipDb;
import ai.paperclip.db.PaperclipDbOptions;
import ai.paperclip.db.testing.ReplicatedPostgres;
import ai.paperclip.db.testing.Wait;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * Two real streaming standbys of one primary: reads are spread over both (the serving session's
 * {@code inet_server_port()}); one killed with SIGKILL fails no read and the other takes every read; restarted, it
 * is back in the rotation.
 */
class TwoReplicasIT {

    private static final int WORKERS = 4;
    private static final int READS = 100;
    private static final Duration WAIT = Duration.ofMinutes(1);

    @Test
    void readsAreSpreadOverBothAKilledOneFailsNoReadAndTheOtherTakesThemUntilItIsBack() throws Exception {
        try (ReplicatedPostgres pg = ReplicatedPostgres.start(2)) {
            int first = pg.replicaPort(0);
            int second = pg.replicaPort(1);
            PaperclipDbOptions options = PaperclipDbOptions.builder().readUrl(pg.readUrl())
                    .replicaCheckInterval(Duration.ofMillis(100)).poolMax(WORKERS + 2).readPoolMax(WORKERS).build();
            try (PaperclipDb db = PaperclipDb.create(pg.primaryUrl(), options)) {
                assertThat(db.health().replicas()).extracting(DbHealth.Replica::name)
                        .containsExactly("127.0.0.1:" + first, "127.0.0.1:" + second);
                Map<Integer, AtomicInteger> readsByPort = new ConcurrentHashMap<>();
                ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
                AtomicBoolean stop = new AtomicBoolean();
                List<Thread> workers = new ArrayList<>();
                for (int i = 0; i < WORKERS; i++) {
                    Thread worker = new Thread(() -> {
                        while (!stop.get()) {
                            try {
                                int port = db.read(ctx -> ctx.fetchValue(DSL.field("inet_server_port()", Integer.class)));
                                readsByPort.computeIfAbsent(port, p -> new AtomicInteger()).incrementAndGet();
                            } catch (Throwable e) {
                                failures.add(e);
                            }
                        }
                    }, "reader-" + i);
                    worker.start();
                    workers.add(worker);
                }
                try {
                    Wait.until(READS + " reads on each replica", WAIT,
                            () -> reads(readsByPort, first) >= READS && reads(readsByPort, second) >= READS);

                    pg.killReplica(0);
                    Wait.until("the killed replica out of the rotation", WAIT,
                            () -> !db.health().replicas().get(0).inRotation());
                    int onPrimary = reads(readsByPort, pg.primaryPort());
                    int onKilled = reads(readsByPort, first);
                    int onOther = reads(readsByPort, second);
                    Wait.until(READS + " more reads on the other replica", WAIT,
                            () -> reads(readsByPort, second) >= onOther + READS);
                    assertThat(reads(readsByPort, pg.primaryPort())).as("no read on the primary: the other replica"
                            + " takes them all").isEqualTo(onPrimary);
                    assertThat(reads(readsByPort, first)).isEqualTo(onKilled);
                    assertThat(db.health().replicas().get(1).inRotation()).isTrue();

                    pg.restartReplica(0);
                    Wait.until("the restarted replica back in the rotation", WAIT,
                            () -> db.health().replicas().get(0).inRotation());
                    int before = reads(readsByPort, first);
                    Wait.until(READS + " reads on the restarted replica", WAIT,
                            () -> reads(readsByPort, first) >= before + READS);
                } finally {
                    stop.set(true);
                    for (Thread worker : workers) {
                        worker.join(60_000);
                    }
                }
                assertThat(failures).as("failed reads").isEmpty();
                assertThat(readsByPort.keySet()).as("only the three servers served reads")
                        .isSubsetOf(first, second, pg.primaryPort());
            }
        }
    }

    private static int reads(Map<Integer, AtomicInteger> readsByPort, int port) {
        AtomicInteger count = readsByPort.get(port);
        return count == null ? 0 : count.get();
    }
}
