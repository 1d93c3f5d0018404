package ai.paperclip.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reset deletes only what is provably this instance's cluster, and never while its server runs. */
class ResetDeletesOnlyAClusterIT {

    @TempDir
    Path tmp;

    @Test
    void aDataDirectorySettingPointingAtSomeonesFilesIsRefusedAndEveryFileIsKept() throws Exception {
        InstanceHome home = TestHomes.withFreePort(tmp);
        Path someones = Files.createDirectories(tmp.resolve("someones-files"));
        Files.writeString(someones.resolve("thesis.tex"), "years of work");
        PaperclipConfig.read(home.configFile()).with("database.embeddedPostgresDataDir", someones.toString())
                .write(home.configFile());

        assertThatThrownBy(() -> TestHomes.builder(home).reset())
                .isInstanceOf(DataDirectoryException.class)
                .hasMessage("Refusing to reset " + someones + ": it holds no PostgreSQL cluster (no PG_VERSION and"
                        + " global/pg_control), so it is not provably this instance's cluster; nothing was deleted. It"
                        + " contains: thesis.tex. Move these files away yourself if they are not needed, or check"
                        + " database.embeddedPostgresDataDir in config.json.");
        assertThat(Files.readString(someones.resolve("thesis.tex"))).isEqualTo("years of work");
    }

    @Test
    void theDefaultDirectoryHoldingOnlyAStrayFileIsNotDeletedAndAnEmptyOneIsLeftAlone() throws Exception {
        InstanceHome home = TestHomes.withFreePort(tmp);
        Path db = Files.createDirectories(home.defaultDataDirectory());
        assertThat(TestHomes.builder(home).reset()).as("nothing to delete in an empty directory").isFalse();
        assertThat(db).isDirectory();

        Files.writeString(db.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> TestHomes.builder(home).reset())
                .isInstanceOf(DataDirectoryException.class)
                .hasMessageContaining("it holds no PostgreSQL cluster").hasMessageContaining("contains: notes.txt");
        assertThat(Files.readString(db.resolve("notes.txt"))).isEqualTo("mine");
    }

    @Test
    void aDirectoryWithAPgVersionFileButNoClusterIsNotDeleted() throws Exception {
        InstanceHome home = TestHomes.withFreePort(tmp);
        Path db = Files.createDirectories(home.defaultDataDirectory());
        Files.writeString(db.resolve("PG_VERSION"), "18\n");
        Files.writeString(db.resolve("report.docx"), "not a cluster");

        assertThatThrownBy(() -> TestHomes.builder(home).reset()).isInstanceOf(DataDirectoryException.class)
                .hasMessageContaining("it holds no PostgreSQL cluster");
        assertThat(db.resolve("report.docx")).exists();
    }

    @Test
    void resetRefusesWhileAnOrphanedServerRunsOnTheClusterAndWorksOnceStopIsRun() throws Exception {
        InstanceHome home = TestHomes.withFreePort(tmp);
        long postmaster;
        try (ChildJvm child = ChildJvm.start(home, tmp)) {
            postmaster = Long.parseLong(child.expectLine("STARTED").split(" ")[3]);
            child.exitWithoutClosing(); // no hook: the server is orphaned, and no process uses it
        }
        EmbeddedPostgresOptions options = TestHomes.builder(home).build();
        assertThatThrownBy(() -> EmbeddedPostgres.reset(options))
                .isInstanceOf(DataDirectoryException.class)
                .hasMessage("Refusing to reset " + home.defaultDataDirectory() + ": its server is running (process "
                        + postmaster + " (postgres) is alive). Stop it first: close the applications using it, or run"
                        + " paperclip-migrate stop (it stops only a server proven to be this instance's), then reset"
                        + " again.");
        assertThat(home.defaultDataDirectory().resolve("PG_VERSION")).exists();

        StopResult stop = EmbeddedPostgres.stop(options);
        assertThat(stop.outcome()).isEqualTo(StopResult.Outcome.STOPPED);
        Postmasters.awaitExit(postmaster);

        assertThat(EmbeddedPostgres.reset(options)).isTrue();
        assertThat(home.defaultDataDirectory()).doesNotExist();
    }
}
