package ai.paperclip.db.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.paperclip.db.introspect.SchemaIntrospector;
import ai.paperclip.db.testing.Db;
import ai.paperclip.db.testing.PostgresServer;
import ai.paperclip.db.testing.SharedPostgres;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Backup, restore, verify and list against a real PostgreSQL 17, databases owned by a non-superuser. */
@ExtendWith(SharedPostgres.class)
class BackupIT {

    private static PostgresServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void allowScratchDatabases(PostgresServer shared) {
        server = shared;
        server.allowDatabaseCreation();
    }

    /** The application role on {@code database}: it owns what it creates, as in production. */
    private static DataSource app(String database) {
        org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setUrl("jdbc:postgresql://127.0.0.1:" + server.port() + "/" + database);
        ds.setUser(PostgresServer.USER);
        ds.setPassword(PostgresServer.PASSWORD);
        return ds;
    }

    private Backups backups(String database) {
        return Backups.of(server.urlOf(database, null), BackupOptions.builder().directory(dir).build());
    }

    @Test
    void aRestoredDatabaseHasTheSameCatalogAndEveryRowOfTheOriginal() throws Exception {
        String source = server.migratedDatabase();
        DataSource original = app(source);
        BackupFixtures.load(original);

        BackupResult made = backups(source).backup();
        assertThat(made.file().getFileName().toString()).matches("paperclip-\\d{8}-\\d{6}\\.sql\\.gz");
        assertThat(made.manifest().histories()).containsEntry("databasechangelog", "0000_core_schema");
        assertThat(made.manifest().tables()).extracting(TableSummary::table)
                .contains("\"billing\".\"invoices\"", "\"public\".\"databasechangelog\"");

        String target = server.freshDatabase();
        RestoreResult restored = backups(target).restore(made.file(), false);
        DataSource copy = app(target);

        assertThat(restored.format()).isEqualTo("paperclip");
        assertThat(restored.migrationsApplied()).as("the backup was up to date").isEmpty();
        assertThat(BackupFixtures.rows(copy)).isEqualTo(BackupFixtures.rows(original));
        assertThat(BackupFixtures.objects(copy)).isEqualTo(BackupFixtures.objects(original));
        try (Connection a = original.getConnection(); Connection b = copy.getConnection()) {
            assertThat(SchemaIntrospector.introspect(b, "public")).isEqualTo(SchemaIntrospector.introspect(a, "public"));
            assertThat(SchemaIntrospector.introspect(b, "billing")).isEqualTo(SchemaIntrospector.introspect(a, "billing"));
        }
        assertThat(Db.value(copy, "SELECT nextval('billing.invoice_no')")).as("sequence continues")
                .isEqualTo(String.valueOf(Long.parseLong(Db.value(original, "SELECT nextval('billing.invoice_no')"))));
        Db.execute(copy, "UPDATE billing.invoices SET amount = 1 WHERE state = 'void'");
        assertThat(Db.value(copy, "SELECT touched_at FROM billing.invoices WHERE state = 'void'"))
                .as("the trigger was restored").startsWith("2000-01-01");
    }

    @Test
    void hostileValuesComeBackByteIdentical() throws Exception {
        String source = server.freshDatabase();
        DataSource original = app(source);
        Db.execute(original, "CREATE TABLE public.companies (id uuid PRIMARY KEY, name text, issue_prefix text)");
        BackupFixtures.load(original);
        BackupResult made = backups(source).backup();

        String target = server.freshDatabase();
        Backups.of(server.urlOf(target, null), BackupOptions.builder().directory(dir).migrate(false).build())
                .restore(made.file(), false);
        DataSource copy = app(target);
        for (String value : BackupFixtures.HOSTILE) {
            String literal = "decode('" + hex(value) + "', 'hex')";
            assertThat(Db.value(copy, "SELECT count(*) FROM billing.invoices WHERE convert_to(note, 'UTF8') = " + literal
                    + " AND convert_to(payload->>'v', 'UTF8') = " + literal + " AND length(payload->>'big') = 200000"
                    + " AND raw = decode('00ff0a5c2e0d', 'hex')")).as("value %s", value).isEqualTo("1");
        }
        assertThat(Db.value(copy, "SELECT count(*) FROM billing.invoices WHERE note IS NULL")).isEqualTo("1");
        assertThat(Db.value(copy, "SELECT count(*) FROM billing.invoices WHERE note = ''")).isEqualTo("1");
    }

    @Test
    void aBackupTakenWhileAnotherThreadWritesRestoresExactlyItsSnapshot() throws Exception {
        String source = server.freshDatabase();
        DataSource original = app(source);
        Db.execute(original, "CREATE TABLE public.orders (id int PRIMARY KEY, body text NOT NULL)");
        Db.execute(original, "CREATE TABLE public.lines (order_id int PRIMARY KEY REFERENCES public.orders, body text)");
        Db.execute(original, "INSERT INTO orders SELECT g, repeat('o', 500) FROM generate_series(1, 20000) g");
        Db.execute(original, "INSERT INTO lines SELECT g, repeat('l', 500) FROM generate_series(1, 20000) g");
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();
        Thread writer = new Thread(() -> {
            try (Connection c = original.getConnection(); var s = c.createStatement()) {
                for (int i = 20001; !stop.get(); i++) {
                    // one transaction writes both tables: a torn backup would hold one without the other
                    s.execute("BEGIN; INSERT INTO orders VALUES (" + i + ", 'o'); INSERT INTO lines VALUES (" + i
                            + ", 'l'); UPDATE orders SET body = body || 'x' WHERE id = " + (i % 20000 + 1) + "; COMMIT");
                    written.incrementAndGet();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        ai.paperclip.db.testing.Wait.until("the writer to be busy", java.time.Duration.ofMinutes(1), () -> written.get() > 50);
        BackupResult made;
        try {
            made = backups(source).backup();
        } finally {
            stop.set(true);
            writer.join();
        }
        int during = written.get();
        assertThat(during).as("writes happened").isGreaterThan(50);
        Map<String, Long> rows = new java.util.HashMap<>();
        made.manifest().tables().forEach(t -> rows.put(t.table(), t.rows()));
        assertThat(rows.get("\"public\".\"orders\"")).isEqualTo(rows.get("\"public\".\"lines\""))
                .isLessThan(20000L + during + 1);

        VerifyReport report = backups(source).verify(made.file());
        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(report.tables()).hasSize(2);
        assertThat(Db.column(server.superuser(), "SELECT datname FROM pg_database WHERE datname LIKE 'paperclip_verify_%'"))
                .as("the scratch database is dropped").isEmpty();
    }

    @Test
    void truncatedAndFlippedFilesAreRefusedByRestoreAndVerifyWithTheTargetUntouched() throws Exception {
        String source = server.freshDatabase();
        Db.execute(app(source), "CREATE TABLE public.t AS SELECT g AS id, md5(g::text) AS v FROM"
                + " generate_series(1, 5000) g");
        Path good = backups(source).backup().file();
        byte[] bytes = Files.readAllBytes(good);

        Path truncated = dir.resolve("truncated.sql.gz");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
        List<Path> bad = new java.util.ArrayList<>(List.of(truncated));
        for (int at : new int[] {5, bytes.length / 2, bytes.length - 3}) {
            byte[] flipped = bytes.clone();
            flipped[at] ^= 0x10;
            Path file = dir.resolve("flipped-" + at + ".sql.gz");
            Files.write(file, flipped);
            bad.add(file);
        }
        String target = server.freshDatabase();
        Db.execute(app(target), "CREATE TABLE public.keep (id int)");
        for (Path file : bad) {
            assertThatThrownBy(() -> backups(target).restore(file, true)).as(file.toString())
                    .isInstanceOf(CorruptBackupException.class)
                    .hasMessageContaining(file.toString()).hasMessageContaining("Nothing was changed");
            assertThatThrownBy(() -> backups(source).verify(file)).isInstanceOf(CorruptBackupException.class);
        }
        assertThat(Db.column(app(target), "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))
                .containsExactly("keep");
    }

    @Test
    void aDatabaseWithTablesIsRefusedUnlessCleanAndCleanReplacesIt() throws Exception {
        String source = server.freshDatabase();
        Db.execute(app(source), "CREATE TABLE public.t (id int)");
        Db.execute(app(source), "INSERT INTO public.t VALUES (1), (2)");
        Path file = backups(source).backup().file();
        String target = server.freshDatabase();
        Db.execute(app(target), "CREATE TABLE public.other (id int)");

        Backups into = Backups.of(server.urlOf(target, null), BackupOptions.builder().directory(dir).migrate(false).build());
        assertThatThrownBy(() -> into.restore(file, false)).isInstanceOf(RestoreRefusedException.class)
                .hasMessageContaining("not empty").hasMessageContaining("public.other").hasMessageContaining("--clean")
                .hasMessageNotContaining(PostgresServer.PASSWORD);
        into.restore(file, true);
        assertThat(Db.column(app(target), "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))
                .containsExactly("t");
        assertThat(Db.value(app(target), "SELECT count(*) FROM public.t")).isEqualTo("2");
    }

    @Test
    void anOlderBackupIsBroughtUpToDateByTheMigrationsAfterTheRestore() throws Exception {
        String source = server.freshDatabase();
        Db.execute(app(source), "CREATE TABLE public.notes (id int PRIMARY KEY)");
        Path file = backups(source).backup().file();
        RestoreResult restored = backups(server.freshDatabase()).restore(file, false);
        assertThat(restored.migrationsApplied()).containsExactly("0000_core_schema");
    }

    @Test
    void aPgDumpPlainFileRestoresWithItsCopyBlocksOwnersAndRestrictLines() throws Exception {
        Path file = dir.resolve("pg_dump15-plain.sql");
        try (InputStream in = BackupIT.class.getResourceAsStream("/backup/pg_dump15-plain.sql")) {
            Files.copy(in, file);
        }
        String target = server.freshDatabase();
        RestoreResult restored = Backups.of(server.urlOf(target, null), BackupOptions.builder().directory(dir)
                .migrate(false).build()).restore(file, false);
        DataSource db = app(target);
        assertThat(restored.format()).isEqualTo("plain SQL");
        assertThat(restored.rows()).isEqualTo(5);
        assertThat(Db.value(db, "SELECT name FROM public.companies WHERE id = '6f1c6f2a-0000-4000-8000-000000000002'"))
                .isEqualTo("Tab\there\nnewline");
        assertThat(Db.value(db, "SELECT notes || '|' || (payload->>'emoji') || '|' || encode(raw, 'hex') FROM crm.deals"
                + " WHERE id = 1")).isEqualTo("\\.\n\\.|😀|00ff10");
        assertThat(Db.value(db, "SELECT count(*) FROM crm.open_deals")).isEqualTo("1");
        assertThat(Db.value(db, "SELECT nextval('crm.deals_id_seq')")).isEqualTo("4");
        assertThat(Db.value(db, "SELECT tableowner FROM pg_tables WHERE tablename = 'deals'")).isEqualTo(PostgresServer.USER);
        assertThatThrownBy(() -> Db.execute(db, "INSERT INTO crm.deals (company_id, amount) VALUES"
                + " ('6f1c6f2a-0000-4000-8000-000000000001', -1)")).hasMessageContaining("check");
    }

    @Test
    void anUpstreamBreakpointFileRestores() throws Exception {
        String breakpoint = "-- paperclip statement breakpoint 69f6f3f1-42fd-46a6-bf17-d1d85f8f3900";
        String script = String.join("\n", "-- Paperclip database backup", "-- Created: 2026-01-01T00:00:00.000Z", "",
                "BEGIN;", breakpoint, "SET LOCAL session_replication_role = replica;", breakpoint,
                "SET LOCAL check_function_bodies = false;", breakpoint,
                "CREATE TABLE \"public\".\"companies\" (", "  \"id\" uuid NOT NULL,", "  \"name\" text NOT NULL,",
                "  \"meta\" jsonb", ");", breakpoint,
                "INSERT INTO \"public\".\"companies\" (\"id\", \"name\", \"meta\") VALUES ($paperclip$6f1c6f2a-0000-4000-8000-"
                        + "000000000001$paperclip$, $paperclip$it's; a \"name\"\n\\.\nnext$paperclip$,"
                        + " $paperclip${\"a\": \"; --\"}$paperclip$);", breakpoint,
                "ALTER TABLE \"public\".\"companies\" ADD CONSTRAINT \"companies_pkey\" PRIMARY KEY (\"id\");", breakpoint,
                "COMMIT;", breakpoint, "");
        Path file = dir.resolve("paperclip-20260101-000000.sql.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(script.getBytes(StandardCharsets.UTF_8));
        }
        String target = server.freshDatabase();
        RestoreResult restored = backups(target).restore(file, false);
        assertThat(restored.format()).isEqualTo("paperclip-typescript");
        assertThat(restored.migrationsApplied()).as("a TypeScript database is adopted, not migrated").isEmpty();
        assertThat(Db.value(app(target), "SELECT name || '|' || (meta->>'a') FROM public.companies"))
                .isEqualTo("it's; a \"name\"\n\\.\nnext|; --");
    }

    @Test
    void backupsAreListedNewestFirstAndTwoInOneSecondKeepDistinctNames() throws Exception {
        String source = server.freshDatabase();
        Db.execute(app(source), "CREATE TABLE public.t (id int)");
        Clock fixed = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);
        Backups same = Backups.of(server.urlOf(source, null), BackupOptions.builder().directory(dir).clock(fixed).build());
        Path first = same.backup().file();
        Path second = same.backup().file();
        assertThat(first.getFileName().toString()).isEqualTo("paperclip-20260304-050607.sql.gz");
        assertThat(second.getFileName().toString()).isEqualTo("paperclip-20260304-050607-2.sql.gz");
        Path newer = backups(source).backup().file();
        List<BackupFile> listed = same.list();
        assertThat(listed).extracting(BackupFile::file).first().isEqualTo(newer);
        assertThat(listed).hasSize(3).allSatisfy(b -> {
            assertThat(b.schemaVersion()).isEqualTo("none");
            assertThat(b.sizeBytes()).isPositive();
        });
        try (InputStream in = new GZIPInputStream(Files.newInputStream(first))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("-- paperclip-backup end 1");
        }
    }

    @Test
    void twoBackupsOfOneDatabaseNeverOverlap() throws Exception {
        String source = server.freshDatabase();
        try (Connection holder = app(source).getConnection(); var s = holder.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + ai.paperclip.db.backup.internal.BackupLock.KEY + ")");
            assertThatThrownBy(() -> backups(source).backup()).isInstanceOf(BackupInProgressException.class)
                    .hasMessageContaining("Another backup or restore").hasMessageContaining("server pid");
        }
        try (var files = Files.list(dir)) {
            assertThat(files).as("nothing written").isEmpty();
        }
    }

    @Test
    void verifyOnATemporaryEmbeddedServerComparesEveryTable() throws Exception {
        String source = server.freshDatabase();
        Db.execute(app(source), "CREATE TABLE public.t AS SELECT g AS id, now() AS at, 1.5::float8 * g AS f,"
                + " interval '1 day' * g AS i FROM generate_series(1, 1000) g");
        Path file = backups(source).backup().file();
        Path work = Path.of("target", "backup-verify").toAbsolutePath();
        VerifyReport report = Backups.verifyEmbedded(file, work, Path.of("target", "backup-verify-cache").toAbsolutePath());
        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(report.scratch()).contains("temporary embedded PostgreSQL 18");
        assertThat(report.tables()).singleElement().satisfies(t -> assertThat(t.actualRows()).isEqualTo(1000));
        try (var left = Files.list(work)) {
            assertThat(left).as("the scratch server is deleted").isEmpty();
        }
    }

    @Test
    void verifyReportsATableWhoseRestoredRowsDifferFromTheManifest() throws Exception {
        String source = server.freshDatabase();
        Db.execute(app(source), "CREATE TABLE public.t (id int, j jsonb)");
        Db.execute(app(source), "INSERT INTO public.t VALUES (1, '{\"a\": 1}'), (2, '[]')");
        Path file = backups(source).backup().file();
        String script;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // jsonb normalises its input: the file's text for row 1 no longer comes back as written, while the
        // manifest agrees with the file (so the file itself is not refused)
        String oldSum = script.replaceAll("(?s).*-- paperclip-backup table 2 (\\w+) \"public\".\"t\".*", "$1");
        ai.paperclip.db.backup.internal.TableDigest digest = new ai.paperclip.db.backup.internal.TableDigest();
        byte[] rows = "1\t{\"a\":1}\n2\t[]\n".getBytes(StandardCharsets.UTF_8);
        digest.update(rows, 0, rows.length);
        String edited = script.replace("1\t{\"a\": 1}\n", "1\t{\"a\":1}\n").replace(oldSum, digest.checksum());
        Path altered = dir.resolve("altered.sql.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(altered))) {
            out.write(edited.getBytes(StandardCharsets.UTF_8));
        }
        VerifyReport report = backups(source).verify(altered);
        assertThat(report.ok()).isFalse();
        assertThat(report.tables()).singleElement().satisfies(t -> {
            assertThat(t.matches()).isFalse();
            assertThat(t.actualRows()).isEqualTo(2);
            assertThat(t.actualChecksum()).isNotEqualTo(t.expectedChecksum());
        });
        assertThat(backups(source).verify(file).ok()).as("the original verifies").isTrue();
    }

    private static String hex(String value) {
        StringBuilder hex = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }
}
