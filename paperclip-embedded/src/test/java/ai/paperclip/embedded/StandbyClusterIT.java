package ai.paperclip.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.paperclip.embedded.internal.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real streaming hot standby made by {@link StandbyCluster} from a running embedded primary. */
class StandbyClusterIT {

    @TempDir
    Path tmp;

    @Test
    void theCopyStreamsFromThePrimaryAsAHotStandby() throws Exception {
        try (EmbeddedPostgres primary = start(tmp.resolve("primary"))) {
            try (Connection c = primary.openConnection("paperclip"); Statement s = c.createStatement()) {
                s.execute("create table notes (id int primary key, body text)");
                s.execute("insert into notes values (1, 'before the copy')");
            }
            Path replicaDirectory = StandbyCluster.create(primary, tmp.resolve("replica"));
            assertThat(replicaDirectory.resolve("standby.signal")).isRegularFile();
            assertThat(replicaDirectory.resolve("backup_label")).isRegularFile();
            assertThat(replicaDirectory.resolve("postmaster.pid")).doesNotExist();

            try (EmbeddedPostgres replica = start(replicaDirectory)) {
                try (Connection c = primary.openConnection("paperclip"); Statement s = c.createStatement()) {
                    s.execute("insert into notes values (2, 'after the copy')");
                }
                try (Connection r = replica.openConnection("paperclip")) {
                    assertThat(single(r, "select pg_is_in_recovery()::text")).isEqualTo("true");
                    waitUntil(() -> "2".equals(single(r, "select count(*)::text from notes")));
                    assertThatThrownBy(() -> single(r, "insert into notes values (3, 'x') returning 'no'"))
                            .hasMessageContaining("read-only transaction");
                }
                try (Connection c = primary.openConnection("postgres")) {
                    String slot = StandbyCluster.slotName(replicaDirectory);
                    waitUntil(() -> "streaming".equals(single(c, "select state from pg_stat_replication"
                            + " where application_name = '" + slot + "'")));
                    assertThat(single(c, "select active::text from pg_replication_slots where slot_name = '"
                            + slot + "'")).isEqualTo("true");
                }
            }
        }
    }

    @Test
    void aNonEmptyDirectoryIsRefusedAndLeftAlone() throws Exception {
        Path taken = Files.createDirectories(tmp.resolve("taken"));
        Files.writeString(taken.resolve("notes.txt"), "mine");
        try (EmbeddedPostgres primary = start(tmp.resolve("primary"))) {
            assertThatThrownBy(() -> StandbyCluster.create(primary, taken))
                    .isInstanceOf(DataDirectoryException.class).hasMessageContaining("is not empty");
        }
        assertThat(Files.readString(taken.resolve("notes.txt"))).isEqualTo("mine");
    }

    private static EmbeddedPostgres start(Path dataDirectory) {
        return EmbeddedPostgres.builder().dataDirectory(dataDirectory).port(Ports.anyFree()).portAttempts(20)
                .cacheDirectory(TestHomes.CACHE).registerShutdownHook(false).start();
    }

    private static String single(Connection c, String sql) {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 60 s").isLessThan(deadline);
            LockSupport.parkNanos(20_000_000L);
        }
    }
}
