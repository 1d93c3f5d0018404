package ai.paperclip.db.migration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.db.PaperclipDbOptions;
import ai.paperclip.db.internal.ConnectionUrls;
import ai.paperclip.db.introspect.ComparisonReport;
import ai.paperclip.db.introspect.SchemaComparison;
import ai.paperclip.db.introspect.SchemaIntrospector;
import ai.paperclip.db.migration.MigrationListener;
import ai.paperclip.db.migration.MigrationSource;
import ai.paperclip.db.migration.Migrator;
import ai.paperclip.db.testing.Db;
import ai.paperclip.db.testing.PostgresServer;
import ai.paperclip.db.testing.RecordingConnection;
import ai.paperclip.db.testing.SharedPostgres;
import ai.paperclip.db.testing.SyntheticHistory;
import ai.paperclip.db.testing.TestHistory;
import ai.paperclip.schema.migration.CommittedMigrations;
import ai.paperclip.schema.model.SchemaModel;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof that {@link FastApply} gives Liquibase's result: Paperclip's core history and a generated 50-table
 * history (two migrations, one with CONCURRENTLY indexes outside a transaction) applied by Liquibase to one
 * database and without it to another, on one real server: the same statements in the same transactions, the same
 * {@code databasechangelog} table and rows, the same catalog; afterwards Liquibase finds nothing to apply on the
 * fast-applied database and rolls it back as it rolls back its own.
 */
@ExtendWith(SharedPostgres.class)
class FastApplyIT {

    private static final String ROWS = "select id || ' | ' || author || ' | ' || filename || ' | ' || orderexecuted"
            + " || ' | ' || exectype || ' | ' || coalesce(md5sum, '<null>') || ' | ' || coalesce(description, '<null>')"
            + " || ' | ' || coalesce(comments, '<null>') || ' | ' || coalesce(tag, '<null>') || ' | '"
            + " || coalesce(liquibase, '<null>') || ' | ' || coalesce(contexts, '<null>') || ' | '"
            + " || coalesce(labels, '<null>') || ' | dateexecuted ' || (dateexecuted is not null"
            + " and dateexecuted > localtimestamp - interval '1 hour' and dateexecuted <= localtimestamp)"
            + " || ' | deployment_id ' || (deployment_id ~ '^[0-9]{10}$')"
            + " from databasechangelog order by orderexecuted";
    private static final String CATALOG = "select c.relname || ' ' || c.relkind::text || coalesce(' ' || pg_get_indexdef(c.oid), '')"
            + " from pg_class c where c.relnamespace = 'public'::regnamespace union all"
            + " select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) from pg_constraint"
            + " where connamespace = 'public'::regnamespace union all"
            + " select table_name || '.' || column_name || ' ' || data_type || ' ' || coalesce(character_maximum_length::text, '')"
            + " || ' ' || is_nullable || ' ' || coalesce(column_default, '') from information_schema.columns"
            + " where table_schema = 'public' union all select extname from pg_extension order by 1";
    private static final Pattern READ_OR_SESSION = Pattern.compile(
            "(?is)^(select|show|set search_path|create table public\\.databasechangelog).*");

    @Test
    void appliesTheCoreAndA50TableHistoryExactlyAsLiquibaseDoes(PostgresServer server, @TempDir Path dir)
            throws Exception {
        Path synth = SyntheticHistory.write(dir.resolve("synth"), 50);
        List<MigrationSource> sources = List.of(MigrationSource.paperclip(), MigrationSource.folder(synth));
        List<CommittedMigrations> histories = sources.stream().map(MigrationSource::read).toList();
        String viaLiquibase = server.freshDatabase();
        String fast = server.freshDatabase();

        List<String> liquibaseApplied = new ArrayList<>();
        List<String> liquibaseEvents = recorded(server, viaLiquibase,
                c -> liquibaseApplied.addAll(LiquibaseRunner.update(c, sources, MigrationListener.NONE)));
        List<String> fastApplied = new ArrayList<>();
        List<String> fastEvents = recorded(server, fast, c -> {
            assertThat(FastApply.whyNot(c, sources, histories)).isEmpty();
            fastApplied.addAll(FastApply.update(c, histories, MigrationListener.NONE));
        });

        assertThat(fastApplied).hasSize(histories.stream().mapToInt(h -> h.changesets().size()).sum())
                .isEqualTo(liquibaseApplied);
        List<String> transactions = transactions(liquibaseEvents);
        assertThat(transactions).as("statements, order and transactions").hasSizeGreaterThan(3)
                .isEqualTo(transactions(fastEvents));
        assertThat(transactions).anyMatch(t -> t.startsWith("autocommit: CREATE INDEX CONCURRENTLY"));
        assertSameHistoryAndCatalog(server, viaLiquibase, fast);
        assertThat(Db.column(server.superuserOn(fast), "select count(distinct deployment_id) from databasechangelog"))
                .containsExactly("1");

        // Liquibase on the fast-applied database: nothing pending, nothing written.
        List<String> liquibaseAgain = new ArrayList<>();
        recorded(server, fast, c -> liquibaseAgain.addAll(LiquibaseRunner.update(c, sources, MigrationListener.NONE)));
        assertThat(liquibaseAgain).isEmpty();
        assertThat(Migrator.configure().url(server.urlOf(fast, null)).migrations(sources).load().status().upToDate())
                .isTrue();
        assertSameHistoryAndCatalog(server, viaLiquibase, fast);

        // Liquibase rolls back the generated history's last migration (all its changesets) on both, alike.
        List<CommittedMigrations.Migration> generated = histories.get(1).migrations();
        int changesets = generated.get(generated.size() - 1).changesets().size();
        for (String database : List.of(viaLiquibase, fast)) {
            recorded(server, database, c -> LiquibaseRunner.rollback(c, sources.get(1), changesets));
        }
        assertThat(Db.tableExists(server.superuserOn(fast), "table_0000")).isTrue();
        assertThat(Db.column(server.superuserOn(fast), "select count(*) from pg_indexes"
                + " where indexname like '%archived_idx'")).containsExactly("0");
        // The core schema has archived_at columns of its own; the generated tables' ones are all gone.
        for (String database : List.of(viaLiquibase, fast)) {
            assertThat(Db.column(server.superuserOn(database), "select table_name from information_schema.columns"
                    + " where column_name = 'archived_at' and table_name like 'table\\_%'")).as(database).isEmpty();
        }
        assertSameHistoryAndCatalog(server, viaLiquibase, fast);
    }

    @Test
    void aFailingChangesetFailsAsUnderLiquibase(PostgresServer server, @TempDir Path dir) throws Exception {
        TestHistory history = TestHistory.in(dir.resolve("history"))
                .migration("0000_first", "CREATE TABLE first_table (id int);")
                .migration("0001_broken", "CREATE TABLE half_table (id int);\nINSERT INTO missing_table VALUES (1);")
                .migration("0002_after", "CREATE TABLE after_table (id int);");
        List<MigrationSource> sources = List.of(history.source());
        List<CommittedMigrations> histories = List.of(history.source().read());
        String viaLiquibase = server.freshDatabase();
        String fast = server.freshDatabase();
        List<ChangesetFailure> failures = new ArrayList<>();

        recorded(server, viaLiquibase, c -> failures.add(failure(() -> LiquibaseRunner.update(c, sources,
                MigrationListener.NONE))));
        recorded(server, fast, c -> {
            assertThat(FastApply.whyNot(c, sources, histories)).isEmpty();
            failures.add(failure(() -> FastApply.update(c, histories, MigrationListener.NONE)));
        });

        ChangesetFailure liquibase = failures.get(0);
        ChangesetFailure ours = failures.get(1);
        assertThat(ours.migration()).isEqualTo(liquibase.migration()).isEqualTo("0001_broken");
        assertThat(ours.changeset()).isEqualTo(liquibase.changeset());
        assertThat(ours.inTransaction()).isEqualTo(liquibase.inTransaction()).isTrue();
        assertThat(ours.statement()).isEqualTo(liquibase.statement()).isEqualTo("INSERT INTO missing_table VALUES (1)");
        assertThat(ours.sqlState()).isEqualTo(liquibase.sqlState()).isEqualTo("42P01");
        assertThat(ours.databaseMessage()).isEqualTo(liquibase.databaseMessage());
        assertThat(ours.appliedBefore()).isEqualTo(liquibase.appliedBefore());
        assertThat(Db.tableExists(server.superuserOn(fast), "half_table")).isFalse();
        assertSameHistoryAndCatalog(server, viaLiquibase, fast);
    }

    private interface Failing {
        void run() throws Exception;
    }

    private static ChangesetFailure failure(Failing work) throws Exception {
        try {
            work.run();
        } catch (ChangesetFailure f) {
            return f;
        }
        throw new AssertionError("expected the changeset to fail");
    }

    private static void assertSameHistoryAndCatalog(PostgresServer server, String expected, String actual)
            throws Exception {
        DataSource a = server.superuserOn(expected);
        DataSource b = server.superuserOn(actual);
        List<String> rows = Db.column(a, ROWS);
        assertThat(rows).allMatch(r -> r.endsWith("dateexecuted true | deployment_id true"));
        assertThat(Db.column(b, ROWS)).isEqualTo(rows);
        assertThat(Db.column(b, CATALOG)).isEqualTo(Db.column(a, CATALOG));
        SchemaModel live;
        SchemaModel reference;
        try (Connection ca = a.getConnection(); Connection cb = b.getConnection()) {
            assertThat(HistoryTable.columns(ca)).isEqualTo(HistoryTable.COLUMNS);
            assertThat(HistoryTable.columns(cb)).isEqualTo(HistoryTable.COLUMNS);
            reference = SchemaIntrospector.introspect(ca);
            live = SchemaIntrospector.introspect(cb);
        }
        ComparisonReport report = SchemaComparison.compare(live, reference);
        assertThat(report.matches()).as(String.join("\n", report.lines())).isTrue();
        assertThat(report.warnings()).isEmpty();
    }

    private interface Work {
        void run(Connection connection) throws Exception;
    }

    /** Runs {@code work} on a recorded migration connection holding the lock, as Migrator does. */
    private static List<String> recorded(PostgresServer server, String database, Work work) throws Exception {
        try (MigrationConnection mc = MigrationConnection.open(ConnectionUrls.parse(server.urlOf(database, null)),
                PaperclipDbOptions.defaults())) {
            mc.lock(database);
            RecordingConnection recording = RecordingConnection.of(mc.connection());
            work.run(recording.connection());
            return recording.events();
        }
    }

    /**
     * The changes a run made, one entry per transaction ({@code tx: stmt; stmt; history row}) or per statement run
     * in autocommit ({@code autocommit: stmt}); reads, session settings, the lock and empty commits left out.
     */
    static List<String> transactions(List<String> events) {
        List<String> out = new ArrayList<>();
        List<String> open = new ArrayList<>();
        boolean autocommit = false;
        for (String event : events) {
            if (event.equals("autocommit=true")) {
                autocommit = true;
            } else if (event.equals("autocommit=false")) {
                autocommit = false;
            } else if (event.equals("commit")) {
                if (!open.isEmpty()) {
                    out.add("tx: " + String.join("; ", open));
                    open.clear();
                }
            } else if (event.startsWith("rollback")) {
                if (!open.isEmpty()) {
                    out.add("rolled back: " + String.join("; ", open));
                    open.clear();
                }
            } else if (event.startsWith("exec: ") || event.startsWith("prepared: ")) {
                String sql = event.substring(event.indexOf(": ") + 2).strip();
                if (READ_OR_SESSION.matcher(sql).matches()) {
                    continue;
                }
                String change = sql.toUpperCase(Locale.ROOT).startsWith("INSERT INTO PUBLIC.DATABASECHANGELOG")
                        ? "history row " + sql.substring(sql.indexOf("VALUES ('") + 9, sql.indexOf("',")) : sql;
                if (autocommit) {
                    out.add("autocommit: " + change);
                } else {
                    open.add(change);
                }
            }
        }
        if (!open.isEmpty()) {
            out.add("uncommitted: " + String.join("; ", open));
        }
        return out;
    }
}
