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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** The replica killed with SIGKILL under a read load: no read fails; restarted, it rejoins the rotation by itself. */
class ReplicaFailoverIT {

    private static final int WORKERS = 8;

    @Test
    void aKilledReplicaFailsNoReadAndRejoinsTheRotationWhenRestarted() throws Exception {
        try (ReplicatedPostgres pg = ReplicatedPostgres.start()) {
            PaperclipDbOptions options = PaperclipDbOptions.builder().readUrl(pg.replicaUrl())
                    .replicaCheckInterval(Duration.ofMillis(100)).poolMax(WORKERS + 2).readPoolMax(WORKERS).build();
            try (PaperclipDb db = PaperclipDb.create(pg.primaryUrl(), options)) {
                AtomicInteger onReplica = new AtomicInteger();
                AtomicInteger onPrimary = new AtomicInteger();
                ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
                AtomicBoolean stop = new AtomicBoolean();
                List<Thread> workers = new ArrayList<>();
                for (int i = 0; i < WORKERS; i++) {
                    Thread worker = new Thread(() -> {
                        while (!stop.get()) {
                            try {
                                boolean replica = db.<Boolean>read(ctx -> ctx.fetchValue(
                                        DSL.field("pg_is_in_recovery()", Boolean.class)));
                                (replica ? onReplica : onPrimary).incrementAndGet();
                            } catch (Throwable e) {
                                failures.add(e);
                            }
                        }
                    }, "reader-" + i);
                    worker.start();
                    workers.add(worker);
                }
                try {
                    Wait.until("reads on the replica", Duration.ofMinutes(1), () -> onReplica.get() > 200);
                    pg.killReplica();
                    int primaryBefore = onPrimary.get();
                    Wait.until("reads on the primary while the replica is dead", Duration.ofMinutes(1),
                            () -> onPrimary.get() > primaryBefore + 200);
                    DbHealth.Replica dead = db.health().replicas().get(0);
                    assertThat(dead.inRotation()).isFalse();
                    assertThat(dead.problem()).isPresent();

                    pg.restartReplica();
                    Wait.until("the replica back in the rotation", Duration.ofMinutes(1),
                            () -> db.health().replicas().get(0).inRotation());
                    int replicaBefore = onReplica.get();
                    Wait.until("reads on the replica again", Duration.ofMinutes(1),
                            () -> onReplica.get() > replicaBefore + 200);
                } finally {
                    stop.set(true);
                    for (Thread worker : workers) {
                        worker.join(60_000);
                    }
                }
                assertThat(failures).as("failed reads").isEmpty();
            }
        }
    }
}
