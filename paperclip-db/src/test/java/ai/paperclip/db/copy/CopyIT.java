package ai.paperclip.db.copy;

import static ai.paperclip.db.jooq.Tables.AGENTS;
import static ai.paperclip.db.jooq.Tables.COMPANIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import ai.paperclip.db.PaperclipDb;
import ai.paperclip.db.PaperclipDbOptions;
import ai.paperclip.db.testing.PgBouncer;
import ai.paperclip.db.testing.PostgresServer;
import ai.paperclip.db.testing.SharedPostgres;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** PaperclipDb.copy on a real PostgreSQL, directly and through a real PgBouncer in transaction mode. */
@ExtendWith(SharedPostgres.class)
class CopyIT {

    private static final Table<Record> ITEMS = table(name("copy_items"));
    private static final Field<Integer> N = field(name("n"), SQLDataType.INTEGER);
    private static final Field<UUID> ID = field(name("id"), SQLDataType.UUID);
    private static final Field<String> LABEL = field(name("label"), SQLDataType.CLOB);
    private static final Field<OffsetDateTime> AT = field(name("at"), SQLDataType.TIMESTAMPWITHTIMEZONE);
    private static final Field<JSONB> DOC = field(name("doc"), SQLDataType.JSONB);
    private static final List<Field<?>> COLUMNS = List.of(N, ID, LABEL, AT, DOC);

    @TempDir
    static Path directory;

    private static PaperclipDb db;
    private static PgBouncer pgBouncer;

    @BeforeAll
    static void open(PostgresServer server) throws Exception {
        db = PaperclipDb.create(server.url(), PaperclipDbOptions.builder().build());
        db.dsl().execute("create table if not exists copy_items (n int primary key, id uuid not null,"
                + " label text, at timestamptz, doc jsonb)");
        pgBouncer = PgBouncer.start(server, directory);
    }

    @AfterAll
    static void close() throws Exception {
        if (db != null) {
            db.close();
        }
        if (pgBouncer != null) {
            pgBouncer.close();
        }
    }

    @BeforeEach
    void empty() {
        db.dsl().execute("truncate copy_items");
    }

    @Test
    void copiesEveryRowInOneStatementWithEachColumnTypeIntact() {
        List<Object[]> rows = rows(50_000);
        assertThat(db.copy(ITEMS, COLUMNS, rows)).isEqualTo(50_000);

        assertThat(db.dsl().fetchCount(ITEMS)).isEqualTo(50_000);
        Record last = db.dsl().select(COLUMNS).from(ITEMS).where(N.eq(50_000)).fetchOne();
        assertThat(last.get(ID)).isEqualTo(rows.get(49_999)[1]);
        assertThat(last.get(LABEL)).isEqualTo("row 50000\twith a tab,\na newline and a \\ backslash");
        assertThat(last.get(AT).toInstant()).isEqualTo(((OffsetDateTime) rows.get(49_999)[3]).toInstant());
        assertThat(last.get(DOC).data()).isEqualTo("{\"n\": 50000, \"s\": \"a\\\\b\"}");
    }

    @Test
    void writesNumbersBooleansBytesAndJavaTimeValuesInTheirTextForm() {
        db.dsl().execute("create table if not exists copy_types (b boolean, num numeric, f float8, bin bytea,"
                + " d date, t time, ts timestamp, big bigint)");
        db.dsl().execute("truncate copy_types");
        byte[] bytes = {0, 1, (byte) 0xff, '\\', '\t'};
        Object[] row = {true, new BigDecimal("12345678901234567890.123"), Double.NEGATIVE_INFINITY, bytes,
            LocalDate.of(2026, 11, 30), LocalTime.of(23, 59, 58, 999_999_000), LocalDateTime.of(2026, 1, 2, 3, 4, 5),
            Long.MAX_VALUE};
        List<Field<?>> columns = List.of(field(name("b")), field(name("num")), field(name("f")), field(name("bin")),
                field(name("d")), field(name("t")), field(name("ts")), field(name("big")));

        assertThat(db.copy(table(name("copy_types")), columns, List.<Object[]>of(row, new Object[8]))).isEqualTo(2);

        Record back = db.dsl().fetchOne("select b, num, f, bin, d, t, ts, big from copy_types where b");
        assertThat(back.get(0)).isEqualTo(true);
        assertThat(back.get(1)).isEqualTo(new BigDecimal("12345678901234567890.123"));
        assertThat(back.get(2)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat((byte[]) back.get(3)).containsExactly(bytes);
        assertThat(back.get(4, LocalDate.class)).isEqualTo(row[4]);
        assertThat(db.dsl().fetchValue("select t::text from copy_types where b")).isEqualTo("23:59:58.999999");
        assertThat(back.get(6, LocalDateTime.class)).isEqualTo(row[6]);
        assertThat(back.get(7)).isEqualTo(Long.MAX_VALUE);
        assertThat(db.dsl().fetchValue("select count(*) from copy_types where b is null and big is null"))
                .isEqualTo(1L);
    }

    @Test
    void aRowTheServerRefusesIsNamedWithItsColumnAndNothingIsInserted() {
        List<Object[]> rows = rows(30_000);
        rows.get(20_000)[1] = "not-a-uuid";   // a String in the column's text form, here a wrong one

        CopyFailedException e = catchThrowableOfType(() -> db.copy(ITEMS, COLUMNS, rows), CopyFailedException.class);

        assertThat(e.row()).hasValue(20_001);
        assertThat(e.table()).isEqualTo("\"copy_items\"");
        assertThat(e.sqlState()).isEqualTo("22P02");
        assertThat(e.getMessage()).contains("COPY into \"copy_items\" failed at row 20001, column id:",
                "invalid input syntax for type uuid: \"not-a-uuid\"", "nothing was inserted");
        assertThat(db.dsl().fetchCount(ITEMS)).isZero();
    }

    @Test
    void aDuplicateKeyFailsTheWholeCopy() {
        List<Object[]> rows = rows(3);
        rows.get(2)[0] = 1;

        CopyFailedException e = catchThrowableOfType(() -> db.copy(ITEMS, COLUMNS, rows), CopyFailedException.class);

        assertThat(e.sqlState()).isEqualTo("23505");
        assertThat(e.getMessage()).contains("duplicate key value violates unique constraint \"copy_items_pkey\"");
        assertThat(db.dsl().fetchCount(ITEMS)).isZero();
    }

    @Test
    void aRowTheClientCannotWriteCancelsTheCopyAfterEarlierChunksWereSent() {
        List<Object[]> rows = rows(40_000);   // ~3 MB: dozens of 64 KB chunks are sent before row 39,000
        rows.get(38_999)[2] = "nul \u0000 inside";
        CopyFailedException nul = catchThrowableOfType(() -> db.copy(ITEMS, COLUMNS, rows), CopyFailedException.class);
        assertThat(nul.row()).hasValue(39_000);
        assertThat(nul.getMessage()).isEqualTo("COPY into \"copy_items\": row 39000, column label: it holds a NUL"
                + " character (\\u0000) at index 4, which PostgreSQL text cannot store; nothing was inserted");

        rows.set(38_999, new Object[] {39_000, UUID.randomUUID()});
        CopyFailedException shortRow = catchThrowableOfType(() -> db.copy(ITEMS, COLUMNS, rows),
                CopyFailedException.class);
        assertThat(shortRow.getMessage()).isEqualTo("COPY into \"copy_items\": row 39000 has 2 values for 5 columns;"
                + " nothing was inserted");

        rows.set(38_999, new Object[] {39_000, UUID.randomUUID(), new StringBuilder("sb"), null, new Object()});
        CopyFailedException type = catchThrowableOfType(() -> db.copy(ITEMS, COLUMNS, rows), CopyFailedException.class);
        assertThat(type.getMessage()).startsWith("COPY into \"copy_items\": row 39000, column doc: a java.lang.Object"
                + " has no COPY text form here; pass its PostgreSQL text form as a String");

        assertThat(db.dsl().fetchCount(ITEMS)).isZero();
        assertThat(db.copy(ITEMS, COLUMNS, rows(10))).as("the pool's connections still work").isEqualTo(10);
    }

    @Test
    void insideWriteItJoinsTheTransactionAndAFailureRollsBackTheOtherStatementsToo() {
        long copied = db.write(tx -> {
            tx.execute("insert into copy_items (n, id) values (-1, gen_random_uuid())");
            return db.copy(ITEMS, COLUMNS, rows(5));
        });
        assertThat(copied).isEqualTo(5);
        assertThat(db.dsl().fetchCount(ITEMS)).isEqualTo(6);

        List<Object[]> bad = rows(5);
        bad.get(4)[3] = "2026-13-45";
        catchThrowableOfType(() -> db.write(tx -> {
            tx.execute("insert into copy_items (n, id) values (-2, gen_random_uuid())");
            return db.copy(ITEMS, COLUMNS, bad.subList(0, 5).stream().map(r -> shifted(r, 100)).toList());
        }), CopyFailedException.class);
        assertThat(db.dsl().fetchCount(ITEMS)).isEqualTo(6);
    }

    @Test
    void theDocumentedExampleImportsAgentsIntoTheCoreSchema() {
        UUID company = db.dsl().insertInto(COMPANIES).set(COMPANIES.NAME, "Copy Co").returning(COMPANIES.ID).fetchOne()
                .getId();
        List<String> names = IntStream.range(0, 1_000).mapToObj(i -> "agent\t" + i).toList();

        assertThat(CopyExample.importAgents(db, company, names)).isEqualTo(1_000);

        assertThat(db.dsl().select(AGENTS.NAME).from(AGENTS).where(AGENTS.COMPANY_ID.eq(company))
                .orderBy(AGENTS.CREATED_AT, AGENTS.NAME).fetch(AGENTS.NAME)).containsExactlyInAnyOrderElementsOf(names);
    }

    @Test
    void worksThroughPgBouncerInTransactionMode() {
        PaperclipDbOptions options = PaperclipDbOptions.builder().preparedStatements(false).poolMax(4).build();
        try (PaperclipDb pooled = PaperclipDb.create(pgBouncer.url("paperclip"), options)) {
            assertThat(pooled.copy(ITEMS, COLUMNS, rows(20_000))).isEqualTo(20_000);
            long inTransaction = pooled.write(tx -> pooled.copy(ITEMS, COLUMNS,
                    rows(10).stream().map(r -> shifted(r, 100_000)).toList()));
            assertThat(inTransaction).isEqualTo(10);

            List<Object[]> bad = rows(20_000).stream().map(r -> shifted(r, 200_000)).toList();
            bad.get(15_000)[1] = "x";
            CopyFailedException e = catchThrowableOfType(() -> pooled.copy(ITEMS, COLUMNS, bad),
                    CopyFailedException.class);
            assertThat(e.row()).hasValue(15_001);
            assertThat(pooled.dsl().fetchCount(ITEMS)).isEqualTo(20_010);
        }
    }

    @Test
    void refusesNoColumnsAndRepeatedColumnsBeforeConnecting() {
        assertThat(catchThrowableOfType(() -> db.copy(ITEMS, List.of(), rows(1)), IllegalArgumentException.class))
                .hasMessage("COPY into \"copy_items\": name at least one column");
        assertThat(catchThrowableOfType(() -> db.copy(ITEMS, List.of(N, LABEL, N), rows(1)),
                IllegalArgumentException.class)).hasMessage("COPY into \"copy_items\": column n is named twice");
    }

    private static Object[] shifted(Object[] row, int by) {
        Object[] copy = row.clone();
        copy[0] = (Integer) row[0] + by;
        return copy;
    }

    private static List<Object[]> rows(int n) {
        OffsetDateTime base = OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 123_456_000, ZoneOffset.ofHours(2));
        List<Object[]> rows = new ArrayList<>(n);
        IntStream.rangeClosed(1, n).forEach(i -> rows.add(new Object[] {i, UUID.randomUUID(),
            "row " + i + "\twith a tab,\na newline and a \\ backslash", base.plusSeconds(i),
            JSONB.valueOf("{\"n\": " + i + ", \"s\": \"a\\\\b\"}")}));
        return rows;
    }
}
