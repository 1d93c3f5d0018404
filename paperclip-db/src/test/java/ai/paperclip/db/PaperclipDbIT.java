package ai.paperclip.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.paperclip.db.testing.LogCapture;
import ai.paperclip.db.testing.PostgresServer;
import ai.paperclip.db.testing.SharedPostgres;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedPostgres.class)
class PaperclipDbIT {

    @Test
    void connectsThroughAPostgresUrlWithPasswordAuthentication(PostgresServer server) throws Exception {
        try (PaperclipDb db = PaperclipDb.create(server.url(), PaperclipDbOptions.defaults());
             Connection c = db.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("select current_user, current_database()")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(PostgresServer.USER);
            assertThat(rs.getString(2)).isEqualTo(PostgresServer.DATABASE);
        }
    }

    @Test
    void givesAJooqContextOnThePoolWithThePostgresDialect(PostgresServer server) {
        try (PaperclipDb db = PaperclipDb.create(server.url(), PaperclipDbOptions.defaults())) {
            assertThat(db.dsl().dialect()).isEqualTo(SQLDialect.POSTGRES);
            db.dsl().execute("create table if not exists jooq_probe (id int primary key, name text not null)");
            db.dsl().execute("truncate jooq_probe");
            db.dsl().insertInto(DSL.table("jooq_probe"), DSL.field("id"), DSL.field("name"))
                    .values(1, "one").values(2, "two").execute();

            String name = db.dsl().select(DSL.field("name", String.class)).from(DSL.table("jooq_probe"))
                    .where(DSL.field("id", Integer.class).eq(2)).fetchOne(DSL.field("name", String.class));

            assertThat(name).isEqualTo("two");
        }
    }

    @Test
    void servesConcurrentQueriesFromTheBoundedPool(PostgresServer server) throws Exception {
        int threads = 8;
        PaperclipDbOptions options = PaperclipDbOptions.builder().poolMax(3).build();
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try (PaperclipDb db = PaperclipDb.create(server.url(), options)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> sums = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int base = t * 1000;
                sums.add(executor.submit(() -> {
                    start.await();
                    int sum = 0;
                    for (int i = 0; i < 50; i++) {
                        sum += db.dsl().fetchValue(DSL.select(DSL.val(base + i).plus(1)));
                    }
                    return sum;
                }));
            }
            start.countDown();
            for (int t = 0; t < threads; t++) {
                assertThat(sums.get(t).get(2, TimeUnit.MINUTES)).isEqualTo(50 * (t * 1000 + 1) + 49 * 50 / 2);
            }
            assertThat(db.health().poolMax()).isEqualTo(3);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void reportsSaneHealthFiguresAndCountsBorrowedConnections(PostgresServer server) throws Exception {
        try (PaperclipDb db = PaperclipDb.create(server.url(), PaperclipDbOptions.builder().poolMax(4).build())) {
            DbHealth idle = db.health();
            assertThat(idle.serverVersionNum()).isBetween(170000, 179999);
            assertThat(idle.serverVersion()).startsWith("17.");
            assertThat(idle.maxConnections()).isPositive();
            assertThat(idle.poolMax()).isEqualTo(4);
            assertThat(idle.activeConnections()).isZero();
            assertThat(idle.waitingThreads()).isZero();
            assertThat(idle.idleConnections()).isBetween(1, 4);
            assertThat(idle.databaseConnections()).isGreaterThanOrEqualTo(1);

            try (Connection held1 = db.dataSource().getConnection(); Connection held2 = db.dataSource().getConnection()) {
                DbHealth busy = db.health();
                assertThat(busy.activeConnections()).isEqualTo(2);
                // Ours: the two held, and the one health() itself used, at least.
                assertThat(busy.databaseConnections()).isGreaterThanOrEqualTo(3);
            }
        }
    }

    @Test
    void reportsTheApplicationNameAndAppliesUrlOptions(PostgresServer server) throws Exception {
        String url = server.url() + "?application_name=orders-service&options=-c%20search_path%3Dpaperclip_x,public"
                + "&sslmode=disable";
        try (PaperclipDb db = PaperclipDb.create(url, PaperclipDbOptions.defaults())) {
            assertThat(db.dsl().fetchValue("select current_setting('application_name')")).isEqualTo("orders-service");
            assertThat(db.dsl().fetchValue("show search_path")).isEqualTo("paperclip_x,public");
        }
        try (PaperclipDb db = PaperclipDb.create(server.url(),
                PaperclipDbOptions.builder().applicationName("billing").build())) {
            assertThat(db.dsl().fetchValue("select current_setting('application_name')")).isEqualTo("billing");
        }
    }

    @Test
    void triesTheNextHostOfAHostList(PostgresServer server) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "postgresql://" + PostgresServer.USER + ":" + PostgresServer.encoded(PostgresServer.PASSWORD)
                + "@127.0.0.1:" + closedPort + ",127.0.0.1:" + server.port() + "/" + PostgresServer.DATABASE;
        try (PaperclipDb db = PaperclipDb.create(url, PaperclipDbOptions.defaults())) {
            assertThat(db.dsl().fetchValue("select inet_server_port()")).hasToString(String.valueOf(server.port()));
        }
    }

    @Test
    void acceptsAJdbcUrlAsItIs(PostgresServer server) throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + server.port() + "/" + PostgresServer.DATABASE
                + "?user=" + PostgresServer.USER;
        // The password goes in the URL too with plain JDBC: here through the query string, encoded.
        String withPassword = url + "&password=" + PostgresServer.encoded(PostgresServer.PASSWORD);
        try (PaperclipDb db = PaperclipDb.create(withPassword, PaperclipDbOptions.defaults())) {
            assertThat(db.dsl().fetchValue("select 40 + 2")).hasToString("42");
            assertThat(db.toString()).doesNotContain(PostgresServer.PASSWORD).contains("password=***");
        }
    }

    @Test
    void turnsPreparedStatementsOffForTransactionPoolers(PostgresServer server) throws Exception {
        // With prepareThreshold=0 the driver never names a server-side statement.
        assertThat(serverSidePreparedAfterTenRuns(server, PaperclipDbOptions.builder().preparedStatements(false)))
                .isZero();
        assertThat(serverSidePreparedAfterTenRuns(server, PaperclipDbOptions.builder())).isPositive();
    }

    /** Runs one parameterised statement ten times on a one-connection pool; counts pg_prepared_statements. */
    private static int serverSidePreparedAfterTenRuns(PostgresServer server, PaperclipDbOptions.Builder options)
            throws Exception {
        try (PaperclipDb db = PaperclipDb.create(server.url(), options.poolMax(1).build());
             Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("select ?::int")) {
            for (int i = 0; i < 10; i++) {
                ps.setInt(1, i);
                ps.executeQuery().close();
            }
            try (ResultSet rs = c.createStatement().executeQuery("select count(*) from pg_prepared_statements")) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Test
    void closesIdempotentlyAndRefusesHealthAfterwards(PostgresServer server) {
        PaperclipDb db = PaperclipDb.create(server.url(), PaperclipDbOptions.defaults());
        db.close();
        db.close();

        assertThatThrownBy(db::health).isInstanceOf(PaperclipDbException.class).hasMessageContaining("is closed");
        assertThat(db.toString()).endsWith(", closed}").doesNotContain(PostgresServer.PASSWORD);
    }

    @AfterAll
    static void neverLoggedThePassword() {
        assertThat(LogCapture.text()).isNotEmpty().doesNotContain(PostgresServer.PASSWORD).doesNotContain("S3cret");
    }
}
