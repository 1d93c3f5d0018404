package ai.paperclip.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.embedded.EmbeddedPostgres;
import ai.paperclip.embedded.InstanceHome;
import ai.paperclip.migrate.testing.Cli;
import ai.paperclip.migrate.testing.Cli.Run;
import ai.paperclip.migrate.testing.EmbeddedHome;
import ai.paperclip.migrate.testing.Orphans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Servers left running by a killed application, ghosts of a deleted data directory and stale lock
 * files: {@code stop} stops only what is proven this instance's, {@code doctor} says what it sees
 * (pid and program, never another program's arguments), {@code reset} deletes only a cluster.
 */
class OrphanedServersIT {

    @Test
    void stopStopsAnOrphanedServerOfTheInstanceAndDoctorSaysItWasLeftRunning() throws Exception {
        EmbeddedHome.Instance instance = EmbeddedHome.newInstance("orphan");
        long postmaster = Orphans.leaveRunning(instance);

        Run stop = Cli.run(instance.env(), "stop");
        assertThat(stop.exitCode()).as(stop.toString()).isZero();
        assertThat(stop.out()).isEqualTo("Stopped the PostgreSQL server of " + instance.dataDirectory() + " (pid "
                + postmaster + ", port " + instance.port() + ").\n");
        awaitExit(postmaster);

        Run again = Cli.run(instance.env(), "stop");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).startsWith("No server of this instance is running");

        long second = Orphans.leaveRunning(instance);
        Run doctor = Cli.run(instance.env(), "doctor");
        assertThat(doctor.out()).contains("ok      server lock: a server proven to serve it is running (pid " + second
                + ", port " + instance.port() + "); it is reused")
                .contains("warn    users: no process of this library uses the running server (pid " + second + ")");
        // The doctor reused the orphan and was its last user: the last one out stops a server this library started.
        awaitExit(second);
    }

    @Test
    void stopRefusesWhileAProcessStillUsesTheServer() throws Exception {
        EmbeddedHome.Instance instance = EmbeddedHome.newInstance("in-use");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().instanceHome(InstanceHome.fromEnvironment(instance.env()))
                .registerShutdownHook(false).start()) {
            Run stop = Cli.run(instance.env(), "stop");
            assertThat(stop.exitCode()).as(stop.toString()).isEqualTo(ExitCode.STOP_REFUSED.code()).isEqualTo(25);
            assertThat(stop.err()).startsWith("Not stopping the embedded PostgreSQL of " + instance.dataDirectory()
                    + ": a process of this library still uses it");
            try (var c = pg.openConnection(pg.database())) {
                assertThat(c.isValid(5)).isTrue();
            }
        }
        Run url = Cli.run(Map.of("DATABASE_URL", "postgres://app:Secret-1@127.0.0.1:1/db"), "stop");
        assertThat(url.exitCode()).isEqualTo(ExitCode.STOP_REFUSED.code());
        assertThat(url.all()).contains("not the embedded one").doesNotContain("Secret-1");
    }

    @Test
    void aStaleLockNamingAnotherProgramIsNamedByPidAndProgramOnlyAndNothingSignalsIt() throws Exception {
        EmbeddedHome.Instance instance = EmbeddedHome.newInstance("stale");
        assertThat(Cli.run(instance.env(), "migrate").exitCode()).isZero();
        Path pidFile = instance.dataDirectory().resolve("postmaster.pid");
        String secret = "--password=Hunter2-" + ProcessHandle.current().pid();
        Process unrelated = new ProcessBuilder("sh", "-c", "read line", secret).start();
        try {
            Files.writeString(pidFile, unrelated.pid() + "\n" + instance.dataDirectory() + "\n1700000000\n"
                    + instance.port() + "\n\n127.0.0.1\n  1234567     0\nready   \n");
            String named = "process " + unrelated.pid() + " (sh)";

            Run doctor = Cli.run(instance.env(), "doctor");
            assertThat(doctor.exitCode()).isEqualTo(ExitCode.DOCTOR_FAILED.code());
            assertThat(doctor.out()).contains("fail    server lock: postmaster.pid names " + named + ", which is alive"
                    + " but not proven to be this cluster's server").doesNotContain("it is reused");
            Run reset = Cli.run(instance.env(), "reset", "--yes");
            assertThat(reset.exitCode()).isEqualTo(ExitCode.FAILURE.code());
            assertThat(reset.err()).contains(named + " is alive").contains("not proven to be this cluster's server");
            Run stop = Cli.run(instance.env(), "stop");
            assertThat(stop.exitCode()).isEqualTo(ExitCode.STOP_REFUSED.code());
            assertThat(stop.err()).contains("Not signalling " + named + " is alive");
            Run json = Cli.run(instance.env(), "doctor", "--json");
            for (Run run : new Run[] {doctor, reset, stop, json}) {
                assertThat(run.all()).doesNotContain("Hunter2").doesNotContain("read line").doesNotContain("pg_ctl stop");
            }
            assertThat(unrelated.isAlive()).isTrue();
            assertThat(instance.dataDirectory().resolve("PG_VERSION")).exists();
        } finally {
            unrelated.destroyForcibly();
            unrelated.waitFor();
        }
    }

    @Test
    void aGhostServerWhoseDataDirectoryWasMovedAwayIsFoundByDoctorAndStoppedByStop() throws Exception {
        EmbeddedHome.Instance instance = EmbeddedHome.newInstance("ghost");
        long ghost = Orphans.leaveRunning(instance);
        Files.move(instance.dataDirectory(), instance.directory().resolve("db-moved-away"));

        Run doctor = Cli.run(instance.env(), "doctor");
        assertThat(doctor.exitCode()).isEqualTo(ExitCode.DOCTOR_FAILED.code());
        assertThat(doctor.out()).contains("fail    ghost servers: port " + instance.port() + " is held by a PostgreSQL"
                + " server of this instance (pid " + ghost + ") whose data directory " + instance.dataDirectory()
                + " is gone (deleted or moved while it ran). It keeps the port, and later starts move to the next one:"
                + " stop it with paperclip-migrate stop");

        Run stop = Cli.run(instance.env(), "stop");
        assertThat(stop.exitCode()).as(stop.toString()).isZero();
        assertThat(stop.out()).contains("Stopped a server of this instance whose data directory "
                + instance.dataDirectory() + " is gone (deleted or moved while it ran; pid " + ghost + ", port "
                + instance.port() + ")");
        awaitExit(ghost);
    }

    @Test
    void resetDeletesOnlyAClusterAndAHomeAsDataDirectoryIsRefusedWhenRead() throws Exception {
        EmbeddedHome.Instance instance = EmbeddedHome.newInstance("reset");
        Path someones = Files.createDirectories(instance.directory().resolve("someones-files"));
        Files.writeString(someones.resolve("thesis.tex"), "years of work");
        Path config = instance.directory().resolve("config.json");
        Files.writeString(config, "{\"database\":{\"embeddedPostgresPort\":" + instance.port()
                + ",\"embeddedPostgresDataDir\":\"" + someones + "\"}}");
        Run reset = Cli.run(instance.env(), "reset", "--yes");
        assertThat(reset.exitCode()).as(reset.toString()).isEqualTo(ExitCode.FAILURE.code());
        assertThat(reset.err()).startsWith("Error: Refusing to reset " + someones + ": it holds no PostgreSQL cluster");
        assertThat(someones.resolve("thesis.tex")).hasContent("years of work");

        Files.writeString(config, "{\"database\":{\"embeddedPostgresDataDir\":\"~\"}}");
        Map<String, String> env = new HashMap<>(instance.env());
        for (String[] command : new String[][] {{"reset", "--yes"}, {"status"}, {"stop"}}) {
            Run refused = Cli.run(env, command);
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCode.FAILURE.code());
            assertThat(refused.err()).contains(config + " line 1: key database.embeddedPostgresDataDir is \"~\", which is"
                    + " your home directory (HOME) (" + env.get("HOME") + ")");
        }
        assertThat(Path.of(env.get("HOME"))).isDirectory();
    }

    private static void awaitExit(long pid) throws Exception {
        var handle = ProcessHandle.of(pid);
        if (handle.isPresent()) {
            handle.get().onExit().get(60, TimeUnit.SECONDS);
        }
    }
}
