package ai.paperclip.db.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.paperclip.db.testing.Wait;
import ai.paperclip.embedded.EmbeddedPostgres;
import ai.paperclip.embedded.EmbeddedPostgresOptions;
import ai.paperclip.embedded.InstanceHome;
import ai.paperclip.embedded.TarArchives;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A physical backup of the embedded PostgreSQL 18 taken while a writer commits rows continuously: unpacked into a
 * fresh instance, the server starts (crash recovery from the WAL in the archive) and holds every committed row
 * the backup's WAL covers, in particular every row committed before the backup began.
 */
class PhysicalBackupIT {

    @TempDir
    Path home;

    private EmbeddedPostgresOptions options(String instance, int port) {
        return EmbeddedPostgres.builder().instanceHome(InstanceHome.of(home, instance))
                .dataDirectory(InstanceHome.of(home, instance).defaultDataDirectory()).port(port).portAttempts(1)
                .registerShutdownHook(false).build();
    }

    @Test
    void aBackupTakenUnderContinuousWritesRestoresEveryCommittedRow() throws Exception {
        Map<Long, Long> committed = new ConcurrentHashMap<>(); // id -> WAL insert position right after its commit
        Set<Long> beforeBackup;
        PhysicalBackupResult made;
        Set<Long> duringBackup = new HashSet<>();
        Path backups = home.resolve("backups");
        try (EmbeddedPostgres server = EmbeddedPostgres.start(options("a", freePort()))) {
            try (Connection c = server.openConnection("paperclip"); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE written (id bigint PRIMARY KEY, payload text)");
            }
            AtomicBoolean stop = new AtomicBoolean();
            AtomicReference<Throwable> failed = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                try (Connection c = server.openConnection("paperclip"); Statement s = c.createStatement()) {
                    for (long id = 1; !stop.get(); id++) {
                        s.execute("INSERT INTO written VALUES (" + id + ", repeat('x', 2000))");
                        try (ResultSet rs = s.executeQuery("SELECT pg_current_wal_insert_lsn()::text")) {
                            rs.next();
                            committed.put(id, lsn(rs.getString(1)));
                        }
                    }
                } catch (Throwable e) {
                    failed.set(e);
                }
            }, "writer");
            writer.start();
            Wait.until("the writer to be busy", Duration.ofMinutes(1), () -> committed.size() > 200);
            beforeBackup = Set.copyOf(committed.keySet());

            made = Backups.of(server.connectionUri(), BackupOptions.builder().directory(backups).build())
                    .backupPhysical(server.dataDirectory());

            duringBackup.addAll(committed.keySet());
            duringBackup.removeAll(beforeBackup);
            stop.set(true);
            writer.join();
            assertThat(failed.get()).isNull();
        }
        assertThat(made.file().getFileName().toString()).matches("paperclip-\\d{8}-\\d{6}\\.physical\\.tar\\.gz");
        assertThat(duringBackup).as("the writer committed rows while the backup ran").isNotEmpty();
        Set<String> entries = entries(made.file());
        assertThat(entries).contains("db/backup_label", "db/PG_VERSION", "db/global/pg_control")
                .doesNotContain("db/postmaster.pid").anyMatch(e -> e.matches("db/pg_wal/[0-9A-F]{24}"));

        // restore exactly as the documentation says: unpack into instances/<id>/, then start
        Path instance = InstanceHome.of(home, "b").instanceDirectory();
        Files.createDirectories(instance);
        try (InputStream in = Files.newInputStream(made.file())) {
            TarArchives.extractGzip(in, instance);
        }
        Files.setPosixFilePermissions(instance.resolve("db"), PosixFilePermissions.fromString("rwx------"));
        long stopLsn = lsn(made.stopLsn());
        Set<Long> mustBeThere = new HashSet<>(beforeBackup);
        committed.forEach((id, after) -> {
            if (after <= stopLsn) {
                mustBeThere.add(id);
            }
        });
        try (EmbeddedPostgres restored = EmbeddedPostgres.start(options("b", freePort()));
             Connection c = restored.openConnection("paperclip"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM written")) {
            Set<Long> found = new HashSet<>();
            while (rs.next()) {
                found.add(rs.getLong(1));
            }
            assertThat(found).containsAll(mustBeThere);
            assertThat(found).as("nothing that was never committed").isSubsetOf(withInFlight(committed.keySet()));
        }
    }

    @Test
    void aStoppedClusterIsAPlainCopyAndARunningOneIsNotCopiedBehindItsBack() throws Exception {
        EmbeddedPostgresOptions a = options("a", freePort());
        Path data;
        try (EmbeddedPostgres server = EmbeddedPostgres.start(a)) {
            data = server.dataDirectory();
            try (Connection c = server.openConnection("paperclip"); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept AS SELECT 42 AS answer");
            }
            assertThatThrownBy(() -> Backups.backupStoppedCluster(server.dataDirectory(), home.resolve("b1"),
                    Clock.systemDefaultZone())).hasMessageContaining("postmaster.pid");
            assertThatThrownBy(() -> Backups.of(server.connectionUri(), BackupOptions.builder()
                    .directory(home.resolve("b1")).build()).backupPhysical(home))
                    .hasMessageContaining("uses the data directory").hasMessageContaining("not " + home);
        }
        assertThat(home.resolve("b1")).isEmptyDirectory();
        PhysicalBackupResult copy = Backups.backupStoppedCluster(data, home.resolve("b2"), Clock.systemDefaultZone());
        Path instance = InstanceHome.of(home, "c").instanceDirectory();
        Files.createDirectories(instance);
        try (InputStream in = Files.newInputStream(copy.file())) {
            TarArchives.extractGzip(in, instance);
        }
        Files.setPosixFilePermissions(instance.resolve("db"), PosixFilePermissions.fromString("rwx------"));
        try (EmbeddedPostgres restored = EmbeddedPostgres.start(options("c", freePort()));
             Connection c = restored.openConnection("paperclip"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT answer FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
    }

    /** Committed ids and the one insert that may have been in flight when the writer stopped. */
    private static Set<Long> withInFlight(Set<Long> committed) {
        Set<Long> all = new HashSet<>(committed);
        all.add(committed.stream().mapToLong(Long::longValue).max().orElse(0) + 1);
        return all;
    }

    private static long lsn(String text) {
        String[] parts = text.split("/");
        return (Long.parseLong(parts[0], 16) << 32) | Long.parseLong(parts[1], 16);
    }

    private static Set<String> entries(Path archive) throws IOException {
        Set<String> names = new HashSet<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(Files.newInputStream(archive)))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
