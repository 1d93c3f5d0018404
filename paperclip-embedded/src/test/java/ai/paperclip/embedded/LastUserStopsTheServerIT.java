package ai.paperclip.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server of an instance is stopped only when no process of this library uses it any more: the
 * last one out stops it, whoever started it. Real JVMs, real PostgreSQL.
 */
class LastUserStopsTheServerIT {

    @TempDir
    Path tmp;

    @Test
    void theJvmThatStartedTheServerExitsMidTransactionOfAnotherAndTheOtherCommitsThenStopsItWhenItCloses()
            throws Exception {
        InstanceHome home = TestHomes.withFreePort(tmp);
        long postmaster;
        try (ChildJvm starter = ChildJvm.start(home, tmp, "hook")) {
            String[] started = starter.expectLine("STARTED").split(" ");
            ChildJvm worker = ChildJvm.start(home, tmp, "transaction");
            String[] reused = worker.expectLine("STARTED").split(" ");
            postmaster = Long.parseLong(started[3]);
            assertThat(started[2]).as("the first starts the server").isEqualTo("true");
            assertThat(reused[2]).as("the second reuses it").isEqualTo("false");
            worker.expectLine("IN_TRANSACTION");

            // The JVM that started the server exits (its shutdown hook closes the handle) while the other
            // is in the middle of a transaction.
            starter.exitWithoutClosing();
            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).contains(true);

            worker.send("commit");
            assertThat(worker.expectLine("TX_")).isEqualTo("TX_COMMITTED");

            worker.stop();
            Postmasters.awaitExit(postmaster);
            worker.close();
        }
        assertThat(home.defaultDataDirectory().resolve("postmaster.pid")).doesNotExist();
        try (EmbeddedPostgres pg = TestHomes.builder(home).start();
             Connection c = pg.openConnection(pg.database()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM handoff")) {
            assertThat(pg.startedByThisProcess()).isTrue();
            rs.next();
            assertThat(rs.getInt(1)).as("the transaction's row was committed").isEqualTo(1);
        }
    }

    @Test
    void twoHandlesInOneJvmAreTwoUsersAndTheServerStopsWhenTheSecondCloses() throws Exception {
        InstanceHome home = TestHomes.withFreePort(tmp);
        EmbeddedPostgres first = TestHomes.builder(home).start();
        EmbeddedPostgres second = TestHomes.builder(home).start();
        assertThat(first.startedByThisProcess()).isTrue();
        assertThat(second.startedByThisProcess()).isFalse();
        assertThat(second.pid()).isEqualTo(first.pid());

        first.close();
        try (Connection c = second.openConnection(second.database()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1")) {
            assertThat(rs.next()).as("the server outlives the handle that started it").isTrue();
        }
        assertThat(EmbeddedPostgres.inspect(second.options()).usage()).isEqualTo(ServerStatus.Usage.IN_USE);

        second.close();
        Postmasters.awaitExit(first.pid());
        assertThat(home.defaultDataDirectory().resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void aServerThisLibraryDidNotStartIsLeftRunningByItsLastUser() throws Exception {
        InstanceHome home = TestHomes.withFreePort(tmp);
        long postmaster;
        try (EmbeddedPostgres pg = TestHomes.builder(home).start()) {
            postmaster = pg.pid();
        }
        Postmasters.awaitExit(postmaster);
        // Started by hand, as a user (or Paperclip's own server) would: no record that this library started it.
        EmbeddedPostgresOptions options = TestHomes.builder(home).build();
        Postmasters.startByHand(home.defaultDataDirectory().toRealPath(), options.port());
        try {
            try (EmbeddedPostgres pg = TestHomes.builder(home).start()) {
                assertThat(pg.startedByThisProcess()).isFalse();
                postmaster = pg.pid();
            }
            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).contains(true);
        } finally {
            Postmasters.stop(home.defaultDataDirectory());
        }
    }
}
