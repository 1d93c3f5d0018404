package ai.paperclip.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.paperclip.db.testing.Db;
import ai.paperclip.db.testing.PostgresServer;
import ai.paperclip.db.testing.SharedPostgres;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

/** {@code PaperclipDb.create(DataSource, options)}: the application's pool, migrated, never closed by us. */
@ExtendWith(SharedPostgres.class)
class ExistingDataSourceIT {

    @Test
    void migratesAnEmptyDatabaseThroughTheGivenPoolAndLeavesItOpen(PostgresServer server) throws Exception {
        String database = server.freshDatabase();
        try (HikariDataSource pool = pool(server, database, false)) {
            PaperclipDb db = PaperclipDb.create(pool, PaperclipDbOptions.defaults());

            assertThat(db.dataSource()).isSameAs(pool);
            assertThat(Db.tableExists(pool, "issues")).isTrue();
            assertThat(db.dsl().fetchCount(org.jooq.impl.DSL.table("issues"))).isZero();
            assertThat(db.health().poolMax()).isEqualTo(4);
            assertThat(db.toString()).doesNotContain(PostgresServer.PASSWORD).contains("the application's");

            db.close();

            assertThat(pool.isClosed()).isFalse();
            try (Connection c = pool.getConnection()) {
                assertThat(c.isValid(5)).isTrue();
            }
        }
    }

    @Test
    void anUpToDateDatabaseStartsWithoutApplyingAgain(PostgresServer server) {
        String database = server.freshDatabase();
        try (HikariDataSource pool = pool(server, database, false)) {
            PaperclipDb.create(pool, PaperclipDbOptions.defaults()).close();
            int rows = Db.history(pool).size();

            PaperclipDb.create(pool, PaperclipDbOptions.defaults()).close();

            assertThat(Db.history(pool)).hasSize(rows);
        }
    }

    @Test
    void aPlainDataSourceReportsNoPoolCounts(PostgresServer server) {
        PGSimpleDataSource plain = new PGSimpleDataSource();
        plain.setURL(jdbcUrl(server, PostgresServer.DATABASE));
        plain.setUser(PostgresServer.USER);
        plain.setPassword(PostgresServer.PASSWORD);

        DbHealth health = PaperclipDb.create(plain, PaperclipDbOptions.defaults()).health();

        assertThat(health.poolMax()).isEqualTo(-1);
        assertThat(health.activeConnections()).isEqualTo(-1);
        assertThat(health.serverVersionNum()).isGreaterThanOrEqualTo(170000);
    }

    @Test
    void preparedStatementsOffIsRefusedWhenTheDataSourceStillPrepares(PostgresServer server) {
        PaperclipDbOptions poolerMode = PaperclipDbOptions.builder().preparedStatements(false).build();
        try (HikariDataSource preparing = pool(server, PostgresServer.DATABASE, false)) {
            assertThatThrownBy(() -> PaperclipDb.create(preparing, poolerMode))
                    .isInstanceOf(InvalidOptionException.class)
                    .hasMessageContaining("prepareThreshold=5")
                    .hasMessageContaining("prepareThreshold=0")
                    .hasMessageNotContaining(PostgresServer.PASSWORD);
        }
        try (HikariDataSource notPreparing = pool(server, PostgresServer.DATABASE, true)) {
            PaperclipDb.create(notPreparing, poolerMode).close();
        }
    }

    @Test
    void aDataSourceThatCannotConnectNamesItselfWithoutThePassword(PostgresServer server) {
        PGSimpleDataSource wrong = new PGSimpleDataSource();
        wrong.setURL(jdbcUrl(server, PostgresServer.DATABASE));
        wrong.setUser(PostgresServer.USER);
        wrong.setPassword("not-" + PostgresServer.PASSWORD);

        assertThatThrownBy(() -> PaperclipDb.create(wrong, PaperclipDbOptions.defaults()))
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("PGSimpleDataSource")
                .hasMessageNotContaining(PostgresServer.PASSWORD);
    }

    private static HikariDataSource pool(PostgresServer server, String database, boolean noPrepare) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl(server, database));
        config.setUsername(PostgresServer.USER);
        config.setPassword(PostgresServer.PASSWORD);
        config.setMaximumPoolSize(4);
        if (noPrepare) {
            config.addDataSourceProperty("prepareThreshold", "0");
        }
        return new HikariDataSource(config);
    }

    private static String jdbcUrl(PostgresServer server, String database) {
        return "jdbc:postgresql://127.0.0.1:" + server.port() + "/" + database;
    }
}
