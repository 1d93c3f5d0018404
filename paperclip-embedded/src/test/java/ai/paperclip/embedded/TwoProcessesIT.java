package ai.paperclip.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TwoProcessesIT {

    @TempDir
    Path tmp;

    @Test
    void aSecondJvmReusesTheServerOfTheFirstAfterProvingItsIdentityAndNeverStartsASecondPostmaster() throws Exception {
        InstanceHome home = TestHomes.withFreePort(tmp);
        try (ChildJvm child = ChildJvm.start(home, tmp)) {
            String[] started = child.expectLine("STARTED").split(" ");
            assertThat(started[2]).isEqualTo("true");
            long childPostmaster = Long.parseLong(started[3]);

            try (EmbeddedPostgres pg = TestHomes.builder(home).start()) {
                assertThat(pg.startedByThisProcess()).isFalse();
                assertThat(pg.pid()).isEqualTo(childPostmaster);
                assertThat(pg.port()).isEqualTo(Integer.parseInt(started[1]));
                assertThat(Postmasters.on(pg.dataDirectory())).containsExactly(childPostmaster);
            }
            // Closing a reused server leaves it running for its owner.
            assertThat(ProcessHandle.of(childPostmaster)).isPresent();

            child.stop();
            Postmasters.awaitExit(childPostmaster);
        }
        assertThat(Postmasters.on(home.defaultDataDirectory().toRealPath())).isEmpty();
    }

    @Test
    void twoJvmsStartingTheSameInstanceAtOnceEndWithOnePostmasterAndOneOwner() throws Exception {
        InstanceHome home = TestHomes.withFreePort(tmp);
        try (ChildJvm first = ChildJvm.start(home, tmp); ChildJvm second = ChildJvm.start(home, tmp)) {
            String[] a = first.expectLine("STARTED").split(" ");
            String[] b = second.expectLine("STARTED").split(" ");

            assertThat(List.of(a[2], b[2])).containsExactlyInAnyOrder("true", "false");
            assertThat(a[3]).isEqualTo(b[3]);
            assertThat(Postmasters.on(home.defaultDataDirectory().toRealPath())).containsExactly(Long.parseLong(a[3]));

            ChildJvm owner = a[2].equals("true") ? first : second;
            ChildJvm guest = owner == first ? second : first;
            guest.stop();
            assertThat(ProcessHandle.of(Long.parseLong(a[3]))).isPresent();
            owner.stop();
            Postmasters.awaitExit(Long.parseLong(a[3]));
        }
    }

    @Test
    void afterKill9OfTheOwningJvmTheNextStartReusesTheSurvivingServerWithCommittedRows() throws Exception {
        InstanceHome home = TestHomes.withFreePort(tmp);
        long postmaster;
        try (ChildJvm child = ChildJvm.start(home, tmp, "insert")) {
            postmaster = Long.parseLong(child.expectLine("STARTED").split(" ")[3]);
            child.expectLine("COMMITTED");
            child.kill9();
        }
        try (EmbeddedPostgres pg = TestHomes.builder(home).start()) {
            assertThat(pg.startedByThisProcess()).isFalse();
            assertThat(pg.pid()).isEqualTo(postmaster);
            assertThat(survivors(pg)).isEqualTo(1);
        } finally {
            Postmasters.stop(home.defaultDataDirectory());
        }
    }

    @Test
    void afterKill9OfTheOwningJvmAndItsPostmasterTheNextStartRecoversWithCommittedRows() throws Exception {
        InstanceHome home = TestHomes.withFreePort(tmp);
        try (ChildJvm child = ChildJvm.start(home, tmp, "insert")) {
            long postmaster = Long.parseLong(child.expectLine("STARTED").split(" ")[3]);
            child.expectLine("COMMITTED");
            child.kill9();
            ProcessHandle.of(postmaster).ifPresent(ProcessHandle::destroyForcibly);
            Postmasters.awaitExit(postmaster);
        }
        // postmaster.pid is still there, naming a dead process: PostgreSQL's own lock logic clears it.
        assertThat(home.defaultDataDirectory().resolve("postmaster.pid")).exists();

        try (EmbeddedPostgres pg = TestHomes.builder(home).start()) {
            assertThat(pg.startedByThisProcess()).isTrue();
            assertThat(survivors(pg)).isEqualTo(1);
            assertThat(Postmasters.on(pg.dataDirectory())).containsExactly(pg.pid());
        }
    }

    @Test
    void theShutdownHookStopsTheServerThisJvmStartedWhenTheJvmExits() throws Exception {
        InstanceHome home = TestHomes.withFreePort(tmp);
        try (ChildJvm child = ChildJvm.start(home, tmp, "hook")) {
            long postmaster = Long.parseLong(child.expectLine("STARTED").split(" ")[3]);
            child.exitWithoutClosing();
            Postmasters.awaitExit(postmaster);
        }
        assertThat(home.defaultDataDirectory().resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void withTheShutdownHookTurnedOffTheServerOutlivesTheJvmForTheHostToStop() throws Exception {
        InstanceHome home = TestHomes.withFreePort(tmp);
        try (ChildJvm child = ChildJvm.start(home, tmp)) {
            long postmaster = Long.parseLong(child.expectLine("STARTED").split(" ")[3]);
            child.exitWithoutClosing();
            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).contains(true);
        } finally {
            Postmasters.stop(home.defaultDataDirectory());
        }
    }

    private static int survivors(EmbeddedPostgres pg) throws Exception {
        try (Connection c = pg.openConnection(pg.database()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM survivors WHERE note = 'committed before kill -9'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
