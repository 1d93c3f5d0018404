package ai.paperclip.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closing always succeeds: a postmaster that died under the handle is logged, not thrown. */
class CloseAfterThePostmasterDiedIT {

    private static final Path TEST_LOG = Path.of("target", "embedded-tests-slf4j.log");

    @TempDir
    Path tmp;

    @Test
    void closeSucceedsAfterThePostmasterWasKilledAndTheNextStartRecovers() throws Exception {
        InstanceHome home = TestHomes.withFreePort(tmp);
        EmbeddedPostgres pg = TestHomes.builder(home).start();
        long postmaster = pg.pid();
        ProcessHandle.of(postmaster).ifPresent(ProcessHandle::destroyForcibly);
        Postmasters.awaitExit(postmaster);

        assertThatCode(pg::close).doesNotThrowAnyException();
        assertThat(Files.readString(TEST_LOG)).contains("PostgreSQL for " + pg.dataDirectory() + " is already gone"
                + " (process " + postmaster + " is not running; it died or was killed): nothing to stop");

        try (EmbeddedPostgres again = TestHomes.builder(home).start()) {
            assertThat(again.startedByThisProcess()).isTrue();
        }
    }
}
