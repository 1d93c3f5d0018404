package ai.paperclip.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.paperclip.db.testing.ReplicatedPostgres;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code ReadReplicas} example against a real primary and a streaming replica the test starts. */
class ReadReplicasIT {

    @Test
    void theTourWritesOnThePrimaryAndItsReadsSeeTheWritesOnTheReplica() {
        try (ReplicatedPostgres pg = ReplicatedPostgres.start()) {
            Instances.Output out = new Instances.Output();
            // A generous read-your-writes wait: the read lands on the replica however loaded this machine is.
            ReadReplicas.Outcome outcome = ReadReplicas.run(Map.of("DATABASE_URL", pg.primaryUrl(),
                    "DATABASE_READ_URL", pg.replicaUrl(), "DATABASE_READ_YOUR_WRITES_TIMEOUT_MS", "60000"), out.stream);

            assertThat(outcome.issues()).isEqualTo(3);
            assertThat(outcome.readOnReplica()).isTrue();
            assertThat(outcome.lastWrite().position()).isPositive();
            assertThat(outcome.health().replicas()).singleElement().satisfies(r -> assertThat(r.inRotation()).isTrue());
            assertThat(out.text()).contains("Added issues ACM-1, ACM-2, ACM-3.", "Read 3 issues on the replica",
                    "Replica 127.0.0.1:" + pg.replicaPort() + ": in the rotation").doesNotContain(":paperclip@");
        }
    }

    @Test
    void saysWhatToSetWhenTheReadUrlIsMissing() {
        assertThatThrownBy(() -> ReadReplicas.run(Map.of("DATABASE_URL", "postgres://u:p@localhost/db"),
                new Instances.Output().stream)).hasMessageContaining("DATABASE_READ_URL is not set");
    }
}
