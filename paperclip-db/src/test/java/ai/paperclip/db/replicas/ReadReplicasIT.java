package ai.paperclip.db.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.db.DbHealth;
import ai.paperclip.db.PaperclipDb;
import ai.paperclip.db.PaperclipDbOptions;
import ai.paperclip.db.WriteToken;
import ai.paperclip.db.testing.ReplicatedPostgres;
import ai.paperclip.db.testing.Wait;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Routing and read-your-writes against a real primary and a real streaming replica: where a read ran is
 * proven by {@code pg_is_in_recovery()} in the session that served it.
 */
class ReadReplicasIT {

    private static final AtomicLong IDS = new AtomicLong();
    private static ReplicatedPostgres pg;

    /** What a read saw, and where. */
    record Seen(boolean onReplica, String body) {
    }

    @BeforeAll
    static void start() {
        pg = ReplicatedPostgres.start();
        PaperclipDb.create(pg.primaryUrl(), PaperclipDbOptions.defaults()).close(); // migrated first
        pg.executeOnPrimary("create table replica_notes (id bigint primary key, body text)");
    }

    @AfterAll
    static void stop() {
        if (pg != null) {
            pg.close();
        }
    }

    static PaperclipDbOptions.Builder options() {
        return PaperclipDbOptions.builder().readUrl(pg.replicaUrl()).replicaCheckInterval(Duration.ofMillis(100))
                .replicaMaxLag(Duration.ofMinutes(10));
    }

    static Seen seen(DSLContext ctx, long id) {
        return new Seen(recovery(ctx), (String) ctx.fetchValue("select body from replica_notes where id = ?", id));
    }

    static boolean recovery(DSLContext ctx) {
        return ctx.fetchValue(DSL.field("pg_is_in_recovery()", Boolean.class));
    }

    static long insert(DSLContext ctx, String body) {
        long id = IDS.incrementAndGet();
        ctx.execute("insert into replica_notes values (?, ?)", id, body);
        return id;
    }

    @Test
    void readsRunOnTheReplicaWritesAndTransactionsOnThePrimary() {
        try (PaperclipDb db = PaperclipDb.create(pg.primaryUrl(), options().build())) {
            assertThat(db.<Boolean>read(ctx -> recovery(ctx))).isTrue();
            assertThat(db.<Boolean>read(ctx -> ctx.connectionResult(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select pg_is_in_recovery()")) {
                    rs.next();
                    return rs.getBoolean(1); // plain JDBC inside a read
                }
            }))).isTrue();
            assertThat(db.<Boolean>write(ctx -> recovery(ctx))).isFalse();
            assertThat(recovery(db.dsl())).isFalse();

            // A read inside a transaction runs in it: on the primary, seeing the transaction's own rows.
            Seen insideWrite = db.<Seen>write(ctx -> seen(db, insert(ctx, "uncommitted yet")));
            assertThat(insideWrite).isEqualTo(new Seen(false, "uncommitted yet"));
            Seen insideDslTransaction = db.dsl().transactionResult(tx -> seen(db, insert(tx.dsl(), "in dsl()")));
            assertThat(insideDslTransaction).isEqualTo(new Seen(false, "in dsl()"));
        }
    }

    private static Seen seen(PaperclipDb db, long id) {
        return db.read(ctx -> seen(ctx, id));
    }

    @Test
    void aReadAfterAWriteWaitsForReplayThenFallsBackToThePrimaryAndReturnsToTheReplica() {
        try (PaperclipDb db = PaperclipDb.create(pg.primaryUrl(), options()
                .readYourWritesTimeout(Duration.ofMillis(300)).build())) {
            long first = db.write(ctx -> insert(ctx, "replayed"));
            assertThat(seen(db, first).body()).isEqualTo("replayed"); // on whichever has it: never stale

            pg.pauseReplay();
            long second;
            try {
                second = db.write(ctx -> insert(ctx, "written while replay is paused"));
                assertThat(seen(db, second)).isEqualTo(new Seen(false, "written while replay is paused"));

                // Another instance (another process in production) carries the token as text.
                WriteToken token = WriteToken.parse(db.lastWrite().toString());
                try (PaperclipDb other = PaperclipDb.create(pg.primaryUrl(), options().build())) {
                    assertThat(other.<Seen>read(ctx -> seen(ctx, second))).isEqualTo(new Seen(true, null)); // stale replica
                    assertThat(other.<Seen>read(token, ctx -> seen(ctx, second)))
                            .isEqualTo(new Seen(false, "written while replay is paused"));
                }
            } finally {
                pg.resumeReplay();
            }
            Wait.until("the replica to replay the write", Duration.ofMinutes(1), pg::replicaCaughtUp);
            assertThat(seen(db, second)).isEqualTo(new Seen(true, "written while replay is paused"));
        }
    }

    @Test
    void withoutReplicasEveryReadRunsOnThePrimaryAsBefore() {
        try (PaperclipDb db = PaperclipDb.create(pg.primaryUrl(), PaperclipDbOptions.defaults())) {
            assertThat(db.<Boolean>read(ctx -> recovery(ctx))).isFalse();
            assertThat(db.lastWrite()).isEqualTo(WriteToken.NONE);
            DbHealth health = db.health();
            assertThat(health.replicas()).isEmpty();
            assertThat(health.pools()).extracting(DbHealth.Pool::role).containsExactly("primary", "migration");
        }
    }
}
