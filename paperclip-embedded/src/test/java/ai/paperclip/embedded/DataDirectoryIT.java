package ai.paperclip.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryIT {

    @TempDir
    Path tmp;

    @Test
    void aNonEmptyDirectoryWithoutPgVersionIsAClearErrorAndNothingInItIsTouched() throws Exception {
        InstanceHome home = TestHomes.withFreePort(tmp);
        Path db = home.defaultDataDirectory();
        Files.createDirectories(db);
        Files.writeString(db.resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> TestHomes.builder(home).start())
                .isInstanceOf(DataDirectoryException.class)
                .hasMessage(db + " is not empty but holds no PostgreSQL cluster (no PG_VERSION); it contains:"
                        + " notes.txt. Nothing was changed. Move these files away, or choose another data directory"
                        + " (database.embeddedPostgresDataDir).");
        assertThat(Files.readString(db.resolve("notes.txt"))).isEqualTo("mine");
        try (var entries = Files.list(db)) {
            assertThat(entries).hasSize(1);
        }
    }

    @Test
    void anEmptyExistingDirectoryGetsACluster() throws Exception {
        InstanceHome home = TestHomes.withFreePort(tmp);
        Files.createDirectories(home.defaultDataDirectory());

        try (EmbeddedPostgres pg = TestHomes.builder(home).start()) {
            assertThat(pg.dataDirectory().resolve("PG_VERSION")).exists();
        }
    }

    @Test
    void resetRefusesWhileTheServerRunsThenGivesAFreshClusterAtTheNextStart() throws Exception {
        InstanceHome home = TestHomes.withFreePort(tmp);
        try (EmbeddedPostgres pg = TestHomes.builder(home).start()) {
            try (Connection c = pg.openConnection(pg.database()); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE before_reset (id int)");
            }
            assertThatThrownBy(() -> TestHomes.builder(home).reset())
                    .isInstanceOf(DataDirectoryException.class)
                    .hasMessageStartingWith("Refusing to reset " + home.defaultDataDirectory()
                            + ": a process of this library uses its server");
            assertThat(home.defaultDataDirectory().resolve("PG_VERSION")).exists();
        }

        TestHomes.builder(home).reset();
        assertThat(home.defaultDataDirectory()).doesNotExist();

        try (EmbeddedPostgres pg = TestHomes.builder(home).start();
             Connection c = pg.openConnection(pg.database()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'before_reset'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void binariesCanComeFromAJarFileAndAClusterOfAnotherMajorVersionIsRefusedClearly() throws Exception {
        InstanceHome home = TestHomes.withFreePort(tmp);
        PostgresBinaries pg17 = PostgresBinaries.fromJar(Path.of(System.getProperty("paperclip.test.postgres17.jar")));
        try (EmbeddedPostgres pg = TestHomes.builder(home).binaries(pg17).start();
             Connection c = pg.openConnection(pg.database()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            assertThat(rs.getString(1)).startsWith("17.");
            assertThat(pg.version()).startsWith("17.");
        }

        assertThatThrownBy(() -> TestHomes.builder(home).start())
                .isInstanceOf(DataDirectoryException.class)
                .hasMessageStartingWith(home.defaultDataDirectory() + " holds a PostgreSQL 17 cluster, but the"
                        + " binaries are PostgreSQL 18.");
    }
}
