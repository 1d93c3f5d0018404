package ai.paperclip.db.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.paperclip.db.PaperclipDbException;
import ai.paperclip.db.migration.MigrationSource;
import ai.paperclip.db.migration.Migrator;
import ai.paperclip.db.testing.Db;
import ai.paperclip.db.testing.PostgresServer;
import ai.paperclip.db.testing.SharedPostgres;
import ai.paperclip.schema.migration.MigrationGenerator;
import ai.paperclip.schema.migration.MigrationOptions;
import ai.paperclip.schema.model.ColumnModel;
import ai.paperclip.schema.model.ForeignKeyModel;
import ai.paperclip.schema.model.IndexModel;
import ai.paperclip.schema.model.PrimaryKeyModel;
import ai.paperclip.schema.model.ReferentialAction;
import ai.paperclip.schema.model.SchemaModel;
import ai.paperclip.schema.model.TableModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trace on a known-bad migration (a plain CREATE INDEX on a table with 100,000 rows, a foreign key
 * without NOT VALID) and on the version the generator writes for the same change. Blocking is decided by
 * the server (the load's sessions seen waiting on the migration's in pg_blocking_pids, the lock modes in
 * pg_locks), so the bad version is reported as blocking however fast the machine builds the index.
 */
@ExtendWith(SharedPostgres.class)
class MigrationTraceIT {

    private static final String ROLE = "trace_owner";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final SchemaModel BASE = new SchemaModel(List.of(), List.of(other(), big(List.of(), List.of())));
    private static final SchemaModel TARGET = new SchemaModel(List.of(), List.of(other(), big(
            List.of(new ForeignKeyModel("big_ref_fk", List.of("ref"), "other", List.of("id"), ReferentialAction.NO_ACTION,
                    ReferentialAction.NO_ACTION)),
            List.of(new IndexModel("big_v_idx", false, null, List.of(IndexModel.IndexElement.column("v")), null)))));

    private String url;
    private Path bad;
    private Path safe;

    @BeforeEach
    void targetWithRows(PostgresServer server, @TempDir Path dir) throws Exception {
        String database = "trace_target_" + DATABASES.incrementAndGet();
        Db.execute(server.superuser(), "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + ROLE + "')"
                + " THEN CREATE ROLE " + ROLE + " LOGIN CREATEDB PASSWORD 'trace'; END IF; END $$");
        Db.execute(server.superuser(), "CREATE DATABASE " + database + " OWNER " + ROLE);
        url = "postgres://" + ROLE + ":trace@127.0.0.1:" + server.port() + "/" + database;
        bad = Files.createDirectory(dir.resolve("bad"));
        safe = Files.createDirectory(dir.resolve("safe"));
        MigrationGenerator.generate(BASE, bad, MigrationOptions.builder().name("base").build());
        Migrator.configure().url(url).migrations(MigrationSource.folder(bad)).load().migrate();
        DataSource owner = server.superuserOn(database);
        Db.execute(owner, "INSERT INTO other SELECT i FROM generate_series(1, 100) i");
        Db.execute(owner, "INSERT INTO big SELECT i, 1 + i % 100, md5(i::text) FROM generate_series(1, 100000) i");

        for (String file : List.of("0000_base.sql", "changelog.xml", "meta/0000_snapshot.json", "meta/_journal.json")) {
            Files.createDirectories(safe.resolve(file).getParent());
            Files.copy(bad.resolve(file), safe.resolve(file));
        }
        MigrationGenerator.generate(TARGET, safe, MigrationOptions.builder().name("safe").build());
        MigrationGenerator.generate(BASE, bad, MigrationOptions.builder().custom(true).name("plain").build());
        Path plain = bad.resolve("0001_plain.sql");
        Files.writeString(plain, Files.readString(plain).replace("SELECT 1;", "CREATE INDEX big_v_idx ON big (v);\n"
                + "ALTER TABLE big ADD CONSTRAINT big_ref_fk FOREIGN KEY (ref) REFERENCES other(id);"));
    }

    @Test
    void reportsThePlainIndexAndForeignKeyAsBlockingWritesAndFailsAboveTheThreshold() {
        TraceReport report = MigrationTrace.configure().url(url).migrations(List.of(MigrationSource.folder(bad)))
                .threshold(Duration.ZERO).run();
        assertThat(report.statements()).extracting(StatementTrace::sql).containsExactly(
                "CREATE INDEX big_v_idx ON big (v)",
                "ALTER TABLE big ADD CONSTRAINT big_ref_fk FOREIGN KEY (ref) REFERENCES other(id)");
        StatementTrace index = report.statements().get(0);
        assertThat(index.locks()).containsExactly("big: ShareLock");
        assertThat(index.blocksWrites()).containsExactly("big");
        assertThat(index.blocksReads()).isEmpty();
        assertThat(index.writersBlocked()).isPositive();
        assertThat(index.readersBlocked()).isZero();
        StatementTrace fk = report.statements().get(1);
        assertThat(fk.locks()).containsExactly("big: ShareRowExclusiveLock", "other: ShareRowExclusiveLock");
        assertThat(fk.blocksWrites()).containsExactly("big", "other");
        assertThat(fk.writersBlocked()).isPositive();
        assertThat(report.ok()).isFalse();
        assertThat(report.failures()).hasSize(2);
        assertThat(report.text()).contains("FAIL 0001_plain:10  CREATE INDEX big_v_idx ON big (v)")
                .contains("locks: big: ShareLock; writers blocked ")
                .endsWith("Trace: 2 statements, 2 blocked writes longer than 0 ms.");
        assertThat(report.json()).contains("\"blocksWrites\" : [ \"big\" ]").contains("\"ok\" : false");
    }

    @Test
    void reportsNoBlockingBeyondTheLockTimeoutForTheGeneratedSafeVersion() {
        TraceReport report = MigrationTrace.configure().url(url).migrations(List.of(MigrationSource.folder(safe)))
                .threshold(MigrationOptions.DEFAULT_LOCK_TIMEOUT).run();
        assertThat(report.statements()).extracting(StatementTrace::sql).containsExactly(
                "DROP INDEX CONCURRENTLY IF EXISTS big_v_idx",
                "CREATE INDEX CONCURRENTLY big_v_idx ON big (v)",
                "SET LOCAL lock_timeout = '5s'",
                "ALTER TABLE big ADD CONSTRAINT big_ref_fk FOREIGN KEY (ref) REFERENCES other(id) NOT VALID",
                "ALTER TABLE big VALIDATE CONSTRAINT big_ref_fk");
        StatementTrace build = report.statements().get(1);
        assertThat(build.blocksWrites()).isEmpty();
        assertThat(build.writersBlocked()).isZero();
        StatementTrace validate = report.statements().get(4);
        assertThat(validate.locks()).contains("big: ShareUpdateExclusiveLock");
        assertThat(validate.blocksWrites()).isEmpty();
        assertThat(validate.writersBlocked()).isZero();
        assertThat(validate.rewritten()).isEmpty();
        assertThat(report.ok()).as(report.text()).isTrue();
        assertThat(report.text()).endsWith("Trace: 5 statements, none blocked writes longer than 5000 ms.");
    }

    @Test
    void reportsATableRewriteAndLeavesTheTargetUnchanged(PostgresServer server) throws Exception {
        Path plain = bad.resolve("0001_plain.sql");
        Files.writeString(plain, Files.readString(plain).replaceAll("(?s)CREATE INDEX.*REFERENCES other\\(id\\);",
                "ALTER TABLE big ALTER COLUMN ref TYPE bigint;"));
        TraceReport report = MigrationTrace.configure().url(url).migrations(List.of(MigrationSource.folder(bad))).run();
        StatementTrace retype = report.statements().get(0);
        assertThat(retype.rewritten()).containsExactly("big");
        assertThat(retype.locks()).containsExactly("big: AccessExclusiveLock");
        assertThat(retype.blocksReads()).containsExactly("big");
        assertThat(report.text()).contains("; REWROTE big;");
        String database = url.substring(url.lastIndexOf('/') + 1);
        assertThat(Db.history(server.superuserOn(database))).containsExactly("paperclip:0000_base");
        assertThat(Db.value(server.superuser(), "SELECT count(*) FROM pg_database WHERE datname LIKE '%_trace_%'"))
                .isEqualTo("0");
    }

    @Test
    void refusesToCopyADatabaseWithOtherSessionsAndSaysWhatToDo(PostgresServer server) throws Exception {
        String database = url.substring(url.lastIndexOf('/') + 1);
        try (Connection busy = server.superuserOn(database).getConnection()) {
            assertThatThrownBy(() -> MigrationTrace.configure().url(url).migrations(List.of(MigrationSource.folder(bad))).run())
                    .isInstanceOf(PaperclipDbException.class)
                    .hasMessageContaining("Cannot copy postgres://" + ROLE + ":***@")
                    .hasMessageContaining("is being accessed by other users")
                    .hasMessageContaining("trace a staging database or a restored backup, or give a copy with --scratch")
                    .hasMessageNotContaining(":trace@");
        }
    }

    @Test
    void tracesOnAGivenScratchDatabaseAsItIsWithoutCopyingIt(PostgresServer server) throws Exception {
        String database = url.substring(url.lastIndexOf('/') + 1);
        try (Connection busy = server.superuserOn(database).getConnection()) {
            TraceReport report = MigrationTrace.configure().scratch(url).migrations(List.of(MigrationSource.folder(safe)))
                    .run();
            assertThat(report.statements()).hasSize(5);
            assertThat(report.ok()).as(report.text()).isTrue();
        }
        DataSource scratch = server.superuserOn(database);
        assertThat(Db.value(scratch, "SELECT count(*) FROM pg_indexes WHERE indexname = 'big_v_idx'"))
                .as("the scratch database is changed").isEqualTo("1");
        assertThat(Db.history(scratch)).as("but records no history").containsExactly("paperclip:0000_base");
    }

    private static TableModel other() {
        return new TableModel("other", List.of(new ColumnModel("id", "integer", true, null)),
                new PrimaryKeyModel("other_pkey", List.of("id")), List.of(), List.of(), List.of(), List.of());
    }

    private static TableModel big(List<ForeignKeyModel> fks, List<IndexModel> indexes) {
        return new TableModel("big", List.of(new ColumnModel("id", "integer", true, null),
                new ColumnModel("ref", "integer", false, null), new ColumnModel("v", "text", false, null)),
                new PrimaryKeyModel("big_pkey", List.of("id")), fks, List.of(), List.of(), indexes);
    }
}
