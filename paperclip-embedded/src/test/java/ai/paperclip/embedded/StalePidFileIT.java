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
    void aLockFileNamingALiveUnrelatedProgramIsReportedAndLeftAloneUntilThatProgramIsGone() throws Exception {
        InstanceHome home = TestHomes.withFreePort(tmp);
        Path pidFile = home.defaultDataDirectory().resolve("postmaster.pid");
        String lockFile = lockFileOfAStoppedServer(home);
        Process unrelated = new ProcessBuilder("sleep", "600").start();
        try {
            String stale = lockFile.replaceFirst("^\\d+", Long.toString(unrelated.pid()));
            Files.writeString(pidFile, stale);

            assertThatThrownBy(() -> TestHomes.builder(home).start())
                    .isInstanceOf(PostgresStartException.class)
                    .hasMessageContaining("Not starting a second PostgreSQL on " + home.defaultDataDirectory().toRealPath())
                    .hasMessageContaining("may be live (cannot tell)")
                    .hasMessageContaining("process " + unrelated.pid() + " is alive (command: ")
                    .hasMessageContaining("sleep 600)")
                    .hasMessageContaining("this library never deletes it")
                    .hasMessageContaining("lock file \"postmaster.pid\" already exists");
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
