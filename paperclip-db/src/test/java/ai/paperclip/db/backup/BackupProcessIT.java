package ai.paperclip.db.backup;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.db.testing.ChildJvm;
import ai.paperclip.db.testing.Db;
import ai.paperclip.db.testing.PostgresServer;
import ai.paperclip.db.testing.SharedPostgres;
import ai.paperclip.db.testing.Wait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Backups and restores in a separate JVM: killed with SIGKILL mid-way, and run with a heap far smaller than the data. */
@ExtendWith(SharedPostgres.class)
class BackupProcessIT {

    /** Table data of about 4.5 times {@link #HEAP}: a dump or restore built in memory cannot fit. */
    private static final int ROWS = 150_000;
    private static final String HEAP = "-Xmx32m";

    @TempDir
    Path dir;

    private static String bigDatabase(PostgresServer server) {
        String name = server.freshDatabase();
        org.postgresql.ds.PGSimpleDataSource app = new org.postgresql.ds.PGSimpleDataSource();
        app.setUrl("jdbc:postgresql://127.0.0.1:" + server.port() + "/" + name);
        app.setUser(PostgresServer.USER);
        app.setPassword(PostgresServer.PASSWORD);
        Db.execute(app, "CREATE TABLE public.blobs (id int PRIMARY KEY, body text NOT NULL)");
        Db.execute(app, "INSERT INTO public.blobs SELECT g, repeat(md5(g::text), 30) FROM generate_series(1, " + ROWS + ") g");
        return name;
    }

    @Test
    void aBackupAndARestoreOfDataFourTimesTheHeapSucceedInA32MbJvm(PostgresServer server) throws Exception {
        String source = bigDatabase(server);
        long dataBytes = Long.parseLong(Db.value(server.superuserOn(source), "SELECT sum(length(body)) FROM public.blobs"));
        assertThat(dataBytes).as("table data").isGreaterThan(4L * 32 * 1024 * 1024);
        String target = server.freshDatabase();
        try (ChildJvm child = ChildJvm.start(dir.resolve("child.log"), List.of(HEAP), BackupMain.class, "round-trip",
                server.urlOf(source, null), dir.resolve("backups").toString(), server.urlOf(target, null))) {
            assertThat(child.waitFor(10)).as(child.output()).isZero();
            assertThat(child.output()).contains("DONE " + ROWS + " ");
            System.out.println("Memory proof: " + dataBytes / (1024 * 1024) + " MB of table data, " + HEAP + ", child says "
                    + child.output().lines().filter(l -> l.startsWith("DONE")).findFirst().orElseThrow());
        }
        assertThat(Db.value(server.superuserOn(target), "SELECT count(*) || ' ' || sum(length(body)) FROM public.blobs"))
                .isEqualTo(ROWS + " " + dataBytes);
    }

    @Test
    void aBackupKilledWithSigkillAtARandomMomentLeavesNoFinalNamedFile(PostgresServer server) throws Exception {
        String source = bigDatabase(server);
        Path backups = dir.resolve("backups");
        long threshold = ThreadLocalRandom.current().nextLong(1, 2 * 1024 * 1024);
        try (ChildJvm child = ChildJvm.start(dir.resolve("child.log"), List.of(), BackupMain.class, "backup",
                server.urlOf(source, null), backups.toString())) {
            Wait.until("the partial file to pass " + threshold + " bytes", Duration.ofMinutes(2),
                    () -> partials(backups).anyMatch(p -> size(p) > threshold));
            child.kill9();
            assertThat(child.output()).doesNotContain("DONE");
        }
        assertThat(names(backups)).as("no final name after SIGKILL").noneMatch(n -> n.startsWith("paperclip-"))
                .anyMatch(n -> n.endsWith(".partial"));
        assertThat(Backups.list(backups)).isEmpty();

        BackupResult next = Backups.of(server.urlOf(source, null), BackupOptions.builder().directory(backups).build()).backup();
        assertThat(names(backups)).as("the next backup removes the dead writer's partial")
                .containsExactly(next.file().getFileName().toString());
    }

    @Test
    void aRestoreKilledWithSigkillMidCopyLeavesTheTargetEmptyAndNoLockBehind(PostgresServer server) throws Exception {
        String source = bigDatabase(server);
        Path backups = dir.resolve("backups");
        Path file = Backups.of(server.urlOf(source, null), BackupOptions.builder().directory(backups).build()).backup().file();
        String target = server.freshDatabase();
        String active = "SELECT count(*) FROM pg_stat_activity WHERE datname = '" + target + "'";
        try (ChildJvm child = ChildJvm.start(dir.resolve("child.log"), List.of(), BackupMain.class, "restore",
                server.urlOf(target, null), backups.toString(), file.toString())) {
            Wait.until("the child's COPY into the target", Duration.ofMinutes(2), () -> !Db.value(server.superuser(),
                    active + " AND query ILIKE 'COPY%FROM STDIN%'").equals("0"));
            child.kill9();
            assertThat(child.output()).doesNotContain("DONE");
        }
        Wait.until("the killed session to end", Duration.ofMinutes(1),
                () -> Db.value(server.superuser(), active).equals("0"));
        assertThat(Db.column(server.superuserOn(target), "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))
                .as("the one transaction was rolled back").isEmpty();
        RestoreResult again = Backups.of(server.urlOf(target, null), BackupOptions.builder().directory(backups)
                .migrate(false).build()).restore(file, false);
        assertThat(again.rows()).isEqualTo(ROWS);
    }

    private static Stream<Path> partials(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        return names(dir).stream().filter(n -> n.endsWith(".partial")).map(dir::resolve);
    }

    private static List<String> names(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
