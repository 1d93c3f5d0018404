package ai.paperclip.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.embedded.internal.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server whose data directory was moved away (or deleted) while it ran keeps its port; it is found,
 * named at the next start instead of a silent move to the next port, and stopped by {@code stop}.
 */
class GhostServerIT {

    private static final Path TEST_LOG = Path.of("target", "embedded-tests-slf4j.log");

    @TempDir
    Path tmp;

    @Test
    void aServerWhoseDataDirectoryWasMovedAwayIsFoundNamedAtTheNextStartAndStoppedByStop() throws Exception {
        InstanceHome home = TestHomes.withFreePort(tmp);
        EmbeddedPostgresOptions options = TestHomes.builder(home).build();
        long ghost;
        try (ChildJvm child = ChildJvm.start(home, tmp)) {
            ghost = Long.parseLong(child.expectLine("STARTED").split(" ")[3]);
            child.exitWithoutClosing(); // orphaned: no process of this library uses it
        }
        Path db = home.defaultDataDirectory();
        Files.move(db, db.resolveSibling("db-moved-away"));

        ServerStatus status = EmbeddedPostgres.inspect(options);
        assertThat(status.server()).isEqualTo(ServerStatus.Server.NOT_RUNNING);
        assertThat(status.ghosts()).singleElement().satisfies(g -> {
            assertThat(g.port()).isEqualTo(options.port());
            assertThat(g.pid()).hasValue(ghost);
        });

        try (EmbeddedPostgres fresh = TestHomes.builder(home).start()) {
            assertThat(fresh.startedByThisProcess()).isTrue();
            assertThat(fresh.port()).isEqualTo(options.port() + 1);
        }
        assertThat(Files.readString(TEST_LOG)).contains("Port " + options.port() + " is held by a PostgreSQL server of"
                + " this instance whose data directory " + db.getParent().toRealPath().resolve("db") + " is gone (deleted"
                + " or moved while it ran, pid " + ghost + "); it keeps the port, so trying port " + (options.port() + 1));

        StopResult stop = EmbeddedPostgres.stop(options);
        assertThat(stop.outcome()).as(stop.message()).isEqualTo(StopResult.Outcome.STOPPED);
        assertThat(stop.message()).contains("Stopped a server of this instance whose data directory").contains("pid "
                + ghost + ", port " + options.port());
        Postmasters.awaitExit(ghost);
        assertThat(Ports.isFree(options.port())).isTrue();
        assertThat(EmbeddedPostgres.stop(options).outcome()).isEqualTo(StopResult.Outcome.NOT_RUNNING);
    }
}
