package ai.paperclip.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LifecycleIT {

    @TempDir
    Path tmp;

    @Test
    void aFreshStartCreatesTheLayoutAndASecondStartFindsTheRowsWrittenBefore() throws Exception {
        InstanceHome home = TestHomes.withFreePort(tmp);
        EmbeddedPostgres first = TestHomes.builder(home).start();
        try (EmbeddedPostgres pg = first) {
            assertThat(pg.startedByThisProcess()).isTrue();
            assertThat(home.instanceDirectory().resolve("data/backups")).isDirectory();
            assertThat(home.secretsDirectory()).isDirectory();
            assertThat(home.logsDirectory().resolve("embedded-postgres.log")).isRegularFile();
            assertThat(home.configFile()).isRegularFile();
            assertThat(pg.dataDirectory()).isEqualTo(home.defaultDataDirectory().toRealPath());
            assertThat(Files.readString(pg.dataDirectory().resolve("PG_VERSION")).strip()).isEqualTo("18");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pg.dataDirectory())))
                    .isEqualTo("rwx------");
            assertThat(pg.port()).isEqualTo(PaperclipConfig.read(home.configFile()).embeddedPostgresPort());
            try (Connection c = pg.openConnection("paperclip"); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT current_user, pg_encoding_to_char(encoding), datcollate,"
                        + " datctype, current_setting('listen_addresses'), current_setting('password_encryption')"
                        + " FROM pg_database WHERE datname = current_database()")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("paperclip");
                    assertThat(rs.getString(2)).isEqualTo("UTF8");
                    assertThat(rs.getString(3)).isEqualTo("C");
                    assertThat(rs.getString(4)).isEqualTo("C");
                    assertThat(rs.getString(5)).isEqualTo("127.0.0.1");
                    assertThat(rs.getString(6)).isEqualTo("scram-sha-256");
                }
                s.execute("CREATE TABLE notes (id int PRIMARY KEY, body text)");
                s.execute("INSERT INTO notes VALUES (1, 'kept across restarts')");
            }
        }
        assertThat(home.defaultDataDirectory().resolve("postmaster.pid")).doesNotExist();
        first.close(); // closing again is harmless

        try (EmbeddedPostgres pg = TestHomes.builder(home).start();
             Connection c = pg.openConnection("paperclip");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT body FROM notes WHERE id = 1")) {
            assertThat(pg.startedByThisProcess()).isTrue();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("kept across restarts");
        }
    }

    @Test
    void asRootTheServerRunsInItsOwnUserNamespaceWhereItIsNotRoot() throws Exception {
        InstanceHome home = TestHomes.withFreePort(tmp);
        try (EmbeddedPostgres pg = TestHomes.builder(home).start()) {
            boolean root = Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .anyMatch(l -> l.startsWith("Uid:") && l.split("\\s+")[2].equals("0"));
            String ours = Files.readSymbolicLink(Path.of("/proc/self/ns/user")).toString();
            String server = Files.readSymbolicLink(Path.of("/proc/" + pg.pid() + "/ns/user")).toString();
            if (root) {
                assertThat(server).isNotEqualTo(ours);
            } else {
                assertThat(server).isEqualTo(ours);
            }
        }
    }
}
