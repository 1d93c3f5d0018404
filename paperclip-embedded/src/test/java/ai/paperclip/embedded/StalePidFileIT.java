package ai.paperclip.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StalePidFileIT {

    @TempDir
    Path tmp;

    @Test
    void aLockFileNamingTheStartingJvmItselfIsNoProofOfAServerAndTheServerStartsCorrectly() throws Exception {
        InstanceHome home = TestHomes.withFreePort(tmp);
        Path pidFile = home.defaultDataDirectory().resolve("postmaster.pid");
        String lockFile = lockFileOfAStoppedServer(home);
        long ownPid = ProcessHandle.current().pid();
        Files.writeString(pidFile, lockFile.replaceFirst("^\\d+", Long.toString(ownPid)));

        try (EmbeddedPostgres pg = TestHomes.builder(home).start()) {
            assertThat(pg.startedByThisProcess()).isTrue();
            assertThat(pg.pid()).isNotEqualTo(ownPid);
            assertThat(Postmasters.on(pg.dataDirectory())).containsExactly(pg.pid());
        }
    }

    @Test
    void aLockFileNamingALiveUnrelatedProgramIsReportedByPidAndProgramNameNeverItsArgumentsAndLeftAlone()
            throws Exception {
        InstanceHome home = TestHomes.withFreePort(tmp);
        Path pidFile = home.defaultDataDirectory().resolve("postmaster.pid");
        String lockFile = lockFileOfAStoppedServer(home);
        String secret = "--password=Hunter2-" + ProcessHandle.current().pid();
        // A shell waiting on its stdin, with a password among its arguments, as another program's could be.
        Process unrelated = new ProcessBuilder("sh", "-c", "read line", secret).start();
        try {
            String stale = lockFile.replaceFirst("^\\d+", Long.toString(unrelated.pid()));
            Files.writeString(pidFile, stale);
            String named = "process " + unrelated.pid() + " (sh) is alive";

            assertThatThrownBy(() -> TestHomes.builder(home).start())
                    .isInstanceOf(PostgresStartException.class)
                    .hasMessageContaining("Not starting a second PostgreSQL on " + home.defaultDataDirectory().toRealPath())
                    .hasMessageContaining("may be live (cannot tell)")
                    .hasMessageContaining(named)
                    .hasMessageContaining("this library never deletes it")
                    .hasMessageContaining("lock file \"postmaster.pid\" already exists")
                    .message().doesNotContain(secret).doesNotContain("Hunter2").doesNotContain("read line");
            assertThatThrownBy(() -> TestHomes.builder(home).reset())
                    .isInstanceOf(DataDirectoryException.class)
                    .hasMessageContaining(named)
                    .hasMessageContaining("not proven to be this cluster's server")
                    .message().doesNotContain("Hunter2").doesNotContain("pg_ctl");
            ServerStatus status = EmbeddedPostgres.inspect(TestHomes.builder(home).build());
            assertThat(status.server()).isEqualTo(ServerStatus.Server.NOT_PROVEN);
            assertThat(status.program()).isEqualTo("sh");
            StopResult stop = EmbeddedPostgres.stop(TestHomes.builder(home).build());
            assertThat(stop.outcome()).isEqualTo(StopResult.Outcome.REFUSED);
            assertThat(stop.message()).contains("Not signalling " + named).doesNotContain("Hunter2");
            assertThat(unrelated.isAlive()).as("nothing signals a process not proven to be the postmaster").isTrue();
            assertThat(Files.readString(pidFile)).isEqualTo(stale);
            assertThat(Postmasters.on(home.defaultDataDirectory().toRealPath())).isEmpty();
        } finally {
            unrelated.destroyForcibly();
            unrelated.waitFor();
        }

        try (EmbeddedPostgres pg = TestHomes.builder(home).start()) {
            assertThat(pg.startedByThisProcess()).isTrue();
        }
    }

    /** A real postmaster.pid, as a running server wrote it; the server is stopped afterwards. */
    private static String lockFileOfAStoppedServer(InstanceHome home) throws Exception {
        try (EmbeddedPostgres pg = TestHomes.builder(home).start()) {
            return Files.readString(pg.dataDirectory().resolve("postmaster.pid"));
        }
    }
}
