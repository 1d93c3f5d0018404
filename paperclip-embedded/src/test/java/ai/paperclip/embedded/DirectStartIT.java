package ai.paperclip.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.paperclip.embedded.internal.ServerProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On Linux the server is spawned directly ({@code postgres} under {@code setsid}, no {@code pg_ctl}) and must
 * behave as one {@code pg_ctl} started: detached from the JVM that started it, outliving it, and failing to
 * start with the same clear messages.
 */
class DirectStartIT {

    @TempDir
    Path tmp;

    @Test
    void theServerIsAChildOfThisJvmInASessionOfItsOwnWithNoPipeToIt() throws Exception {
        InstanceHome home = TestHomes.withFreePort(tmp);
        try (EmbeddedPostgres pg = TestHomes.builder(home).start()) {
            assertThat(pg.startedByThisProcess()).isTrue();
            // pg_ctl's postmaster is orphaned when pg_ctl exits; a direct spawn's parent is this JVM.
            assertThat(ProcessHandle.of(pg.pid()).flatMap(ProcessHandle::parent).map(ProcessHandle::pid))
                    .contains(ProcessHandle.current().pid());
            assertThat(sessionOf(pg.pid())).isEqualTo(pg.pid()).isNotEqualTo(sessionOf(ProcessHandle.current().pid()));
            assertThat(fd(pg.pid(), 0)).isEqualTo("/dev/null");
            Path log = home.logsDirectory().resolve("embedded-postgres.log").toRealPath();
            assertThat(fd(pg.pid(), 1)).isEqualTo(log.toString());
            assertThat(fd(pg.pid(), 2)).isEqualTo(log.toString());
        }
    }

    @Test
    void theServerKeepsServingAfterTheJvmThatStartedItIsKilledWithSigkill() throws Exception {
        InstanceHome home = TestHomes.withFreePort(tmp);
        long postmaster;
        int port;
        try (ChildJvm child = ChildJvm.start(home, tmp)) {
            String[] started = child.expectLine("STARTED").split(" ");
            port = Integer.parseInt(started[1]);
            postmaster = Long.parseLong(started[3]);
            assertThat(started[2]).isEqualTo("true");
            assertThat(ProcessHandle.of(postmaster).flatMap(ProcessHandle::parent).map(ProcessHandle::pid))
                    .contains(child.pid());
            child.kill9();
        }
        try {
            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).contains(true);
            assertThat(ProcessHandle.of(postmaster).flatMap(ProcessHandle::parent).map(ProcessHandle::pid))
                    .isNotEqualTo(ProcessHandle.current().pid());
            try (Connection c = ServerProbe.connect(port, "paperclip", "paperclip", "paperclip");
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT pg_postmaster_start_time() IS NOT NULL, 6 * 7")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).isTrue();
                assertThat(rs.getInt(2)).isEqualTo(42);
            }
            // The next user finds it, proves it is this instance's, and as its last user stops it.
            try (EmbeddedPostgres pg = TestHomes.builder(home).start()) {
                assertThat(pg.startedByThisProcess()).isFalse();
                assertThat(pg.pid()).isEqualTo(postmaster);
            }
            Postmasters.awaitExit(postmaster);
        } finally {
            if (ProcessHandle.of(postmaster).isPresent()) {
                Postmasters.stop(home.defaultDataDirectory());
            }
        }
    }

    @Test
    void aSettingPostgresqlRejectsFailsTheStartWithItsLogLinesAndLeavesNoServer() throws Exception {
        InstanceHome home = TestHomes.withFreePort(tmp);
        TestHomes.builder(home).start().close();
        assertThatThrownBy(() -> TestHomes.builder(home).serverSetting("shared_buffers", "lots").start())
                .isInstanceOf(PostgresStartException.class)
                .hasMessageContaining("did not start for " + home.defaultDataDirectory().toRealPath())
                .hasMessageContaining("postgres exited with status 1")
                .hasMessageContaining("invalid value for parameter \"shared_buffers\": \"lots\"")
                .hasMessageContaining("Last lines of the PostgreSQL log");
        assertThat(Postmasters.on(home.defaultDataDirectory().toRealPath())).isEmpty();
    }

    @Test
    void aCorruptClusterFailsTheStartNamingWhatIsMissing() throws Exception {
        InstanceHome home = TestHomes.withFreePort(tmp);
        TestHomes.builder(home).start().close();
        Files.delete(home.defaultDataDirectory().resolve("global").resolve("pg_control"));
        assertThatThrownBy(() -> TestHomes.builder(home).start())
                .isInstanceOf(PostgresStartException.class)
                .hasMessageContaining("postgres exited with status")
                .hasMessageContaining("pg_control")
                .hasMessageContaining("No such file or directory");
        assertThat(Postmasters.on(home.defaultDataDirectory().toRealPath())).isEmpty();
    }

    /** The session id, field 6 of {@code /proc/<pid>/stat} (after the parenthesised program name). */
    private static long sessionOf(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[3]);
    }

    private static String fd(long pid, int fd) throws IOException {
        return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "fd", Integer.toString(fd))).toString();
    }
}
