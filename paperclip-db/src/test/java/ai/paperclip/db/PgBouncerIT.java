package ai.paperclip.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ai.paperclip.db.testing.PgBouncer;
import ai.paperclip.db.testing.PostgresServer;
import ai.paperclip.db.testing.SharedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A real PgBouncer in transaction mode in front of PostgreSQL 17, as behind Supabase's port 6543. */
@ExtendWith(SharedPostgres.class)
class PgBouncerIT {

    private static final int THREADS = 8;
    private static final int ROUNDS = 100;
    private static final int STATEMENT_REUSES = 6; // more than pgJDBC's default prepareThreshold (5)

    @TempDir
    static Path directory;

    private static PgBouncer pgBouncer;

    @BeforeAll
    static void startPgBouncer(PostgresServer server) throws Exception {
        pgBouncer = PgBouncer.start(server, directory);
    }

    @AfterAll
    static void stopPgBouncer() throws Exception {
        if (pgBouncer != null) {
            pgBouncer.close();
        }
    }

    @Test
    void runsThousandsOfQueriesFromSeveralThreadsWithPreparedStatementsOff() throws Exception {
        PaperclipDbOptions options = PaperclipDbOptions.builder().preparedStatements(false).poolMax(THREADS).build();
        try (PaperclipDb db = PaperclipDb.create(pgBouncer.url("paperclip"), options)) {
            db.dsl().execute("create table if not exists pooler_probe (thread int, round int, primary key (thread, round))");
            db.dsl().execute("truncate pooler_probe");
            AtomicInteger queries = new AtomicInteger();
            runOnThreads(thread -> {
                for (int round = 0; round < ROUNDS; round++) {
                    oneRound(db, thread, round, queries);
                }
            });

            // 8 threads x 100 rounds x (1 jOOQ select + 6 prepared + 2 in a transaction) = 7,200 queries.
            assertThat(queries.get()).isEqualTo(THREADS * ROUNDS * (1 + STATEMENT_REUSES + 2));
            assertThat(db.dsl().fetchCount(DSL.table("pooler_probe"))).isEqualTo(THREADS * ROUNDS);
            assertThat(db.health().serverVersionNum()).isGreaterThanOrEqualTo(170000);
        }
    }

    /**
     * Why prepared statements must be off: two clients whose server-side statements PgBouncer lands on the
     * same server connection. pgJDBC names the first statement it prepares on each connection S_1, so the
     * second client's S_1 collides with the first's. Deterministic: each pool has a single server
     * connection here, because every step runs one after the other.
     */
    @Test
    void failsDeterministicallyWithPreparedStatementsOnAndNotWithThemOff() throws Exception {
        Throwable on = secondClientAfterFirstPrepared("prepared_on", true);
        Throwable off = secondClientAfterFirstPrepared("prepared_off", false);

        assertThat(on).isInstanceOf(SQLException.class)
                .hasMessageContaining("prepared statement \"S_1\" already exists");
        assertThat(((SQLException) on).getSQLState()).isEqualTo("42P05");
        assertThat(off).isNull();
    }

    private static Throwable secondClientAfterFirstPrepared(String database, boolean prepared) throws Exception {
        PaperclipDbOptions options = PaperclipDbOptions.builder().preparedStatements(prepared).poolMax(1).build();
        try (PaperclipDb first = PaperclipDb.create(pgBouncer.url(database), options);
             PaperclipDb second = PaperclipDb.create(pgBouncer.url(database), options);
             Connection a = first.dataSource().getConnection();
             Connection b = second.dataSource().getConnection();
             PreparedStatement psA = a.prepareStatement("select ?::int + 1");
             PreparedStatement psB = b.prepareStatement("select ?::text || 'b'")) {
            for (int i = 0; i < STATEMENT_REUSES; i++) {
                psA.setInt(1, i);
                psA.executeQuery().close();
            }
            return catchThrowable(() -> {
                for (int i = 0; i < STATEMENT_REUSES; i++) {
                    psB.setString(1, "a" + i);
                    psB.executeQuery().close();
                }
            });
        }
    }

    private static void oneRound(PaperclipDb db, int thread, int round, AtomicInteger queries) throws Exception {
        int sum = db.dsl().fetchValue(DSL.select(DSL.val(thread).plus(DSL.val(round))));
        assertThat(sum).isEqualTo(thread + round);
        queries.incrementAndGet();

        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("select ?::int * 2, ?::text")) {
            for (int i = 0; i < STATEMENT_REUSES; i++) {
                ps.setInt(1, round + i);
                ps.setString(2, "t" + thread);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(2 * (round + i));
                    assertThat(rs.getString(2)).isEqualTo("t" + thread);
                }
                queries.incrementAndGet();
            }
        }

        db.dsl().transaction(tx -> {
            tx.dsl().insertInto(DSL.table("pooler_probe"), DSL.field("thread"), DSL.field("round"))
                    .values(thread, round).execute();
            assertThat(tx.dsl().fetchCount(DSL.table("pooler_probe"),
                    DSL.field("thread").eq(thread).and(DSL.field("round").eq(round)))).isEqualTo(1);
        });
        queries.addAndGet(2);
    }

    @FunctionalInterface
    private interface ThreadBody {
        void run(int thread) throws Exception;
    }

    private static void runOnThreads(ThreadBody body) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(executor.submit(() -> {
                    start.await();
                    body.run(thread);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(5, TimeUnit.MINUTES);
            }
        } finally {
            executor.shutdownNow();
        }
    }
}
