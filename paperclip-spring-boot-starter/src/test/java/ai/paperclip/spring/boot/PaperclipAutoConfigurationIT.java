package ai.paperclip.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.paperclip.db.PaperclipDb;
import ai.paperclip.db.testing.Db;
import ai.paperclip.db.testing.LogCapture;
import ai.paperclip.db.testing.PostgresServer;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;
import ai.paperclip.spring.boot.autoconfigure.PaperclipAutoConfiguration;
import ai.paperclip.spring.boot.autoconfigure.PaperclipDataSourceAutoConfiguration;
import ai.paperclip.spring.boot.autoconfigure.PaperclipHealthAutoConfiguration;
import ai.paperclip.spring.boot.autoconfigure.PaperclipMetricsAutoConfiguration;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Which database and which pool, for each way an application can be configured. */
class PaperclipAutoConfigurationIT {

    private static PostgresServer server;

    @TempDir
    Path directory;

    @BeforeAll
    static void startServer() {
        server = PostgresServer.start("paperclip.test.postgres17.jar");
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void withoutAnyUrlTheEmbeddedDefaultStartsWithTheContextAndStopsWithIt() {
        Path home = Contexts.home(directory);
        int[] port = new int[1];
        Contexts.runner().withPropertyValues("paperclip.db.instance.home=" + home).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(DataSource.class).hasSingleBean(PaperclipDb.class);
            PaperclipDatabaseServer databaseServer = context.getBean(PaperclipDatabaseServer.class);
            assertThat(databaseServer.embedded()).isPresent();
            port[0] = databaseServer.embedded().get().port();
            PaperclipDb db = context.getBean(PaperclipDb.class);
            assertThat(db.dataSource()).isSameAs(context.getBean(DataSource.class));
            assertThat(((HikariDataSource) db.dataSource()).getPoolName()).isEqualTo("paperclip");
            assertThat(db.health().serverVersionNum()).isGreaterThanOrEqualTo(180000);
            assertThat(context.getBean(DSLContext.class).fetchCount(org.jooq.impl.DSL.table("issues"))).isZero();
        });
        assertThat(home.resolve("instances/default/db/PG_VERSION")).exists();
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port[0] + "/paperclip",
                "paperclip", "paperclip").close())
                .as("the embedded server the context started stops when the context closes")
                .isInstanceOf(SQLException.class);
    }

    @Test
    void paperclipDbUrlGivesTheStartersOwnPoolOnThatServer() {
        String url = Contexts.freshUrl(server);
        Contexts.runner().withPropertyValues("paperclip.db.url=" + url, "paperclip.db.pool.max=3").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(DataSource.class);
            assertThat(context.getBean(PaperclipDatabaseServer.class).embedded()).isEmpty();
            HikariDataSource pool = context.getBean(HikariDataSource.class);
            assertThat(pool.getPoolName()).isEqualTo("paperclip");
            assertThat(pool.getMaximumPoolSize()).isEqualTo(3);
            assertThat(Db.tableExists(pool, "issues")).isTrue();
            assertThat(context.getBean(PaperclipDb.class).redactedUrl()).doesNotContain(PostgresServer.PASSWORD);
        });
    }

    @Test
    void bootsPoolSettingsBesideTheStartersPoolAreNamedAsIgnored() {
        Contexts.runner().withPropertyValues("paperclip.db.url=" + Contexts.freshUrl(server),
                "spring.datasource.hikari.maximum-pool-size=7").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(HikariDataSource.class).getMaximumPoolSize()).isEqualTo(10);
                    assertThat(LogCapture.text()).contains("spring.datasource.hikari.* is set but does not apply");
                });
    }

    @Test
    void databaseUrlBesideSpringDatasourceUrlIsNamedAsIgnored() {
        Contexts.runner().withPropertyValues("spring.datasource.url=" + Contexts.freshJdbcUrl(server),
                "spring.datasource.username=" + PostgresServer.USER, "spring.datasource.password=" + PostgresServer.PASSWORD,
                "DATABASE_URL=postgres://someone:hunter2@elsewhere:5432/other").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(LogCapture.text()).contains("DATABASE_URL is set but the application's own DataSource"
                            + " (spring.datasource.url) is used").doesNotContain("hunter2");
                });
    }

    @Test
    void theEnvironmentVariablesKeepWorking() {
        String url = Contexts.freshUrl(server);
        Contexts.runner().withPropertyValues("DATABASE_URL=" + url, "DATABASE_POOL_MAX=2").run(context -> {
            assertThat(context).hasNotFailed();
            HikariDataSource pool = context.getBean(HikariDataSource.class);
            assertThat(pool.getMaximumPoolSize()).isEqualTo(2);
            assertThat(Db.tableExists(pool, "issues")).isTrue();
        });
    }

    @Test
    void springDatasourceUrlMeansBootsPoolAndPaperclipUsesIt() {
        String url = Contexts.freshJdbcUrl(server);
        Contexts.runner().withPropertyValues("spring.datasource.url=" + url, "spring.datasource.username=" + PostgresServer.USER,
                "spring.datasource.password=" + PostgresServer.PASSWORD, "spring.datasource.hikari.pool-name=boot")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(DataSource.class)
                            .doesNotHaveBean(PaperclipDatabaseServer.class);
                    HikariDataSource pool = context.getBean(HikariDataSource.class);
                    assertThat(pool.getPoolName()).isEqualTo("boot");
                    assertThat(context.getBean(PaperclipDb.class).dataSource()).isSameAs(pool);
                    assertThat(Db.tableExists(pool, "issues")).isTrue();
                });
    }

    @Test
    void anApplicationsOwnDataSourceBeanIsUsedAndLeftToIt() {
        String url = Contexts.freshJdbcUrl(server);
        Contexts.runner().withBean(DataSource.class, () -> pool(url, false)).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(DataSource.class).doesNotHaveBean(PaperclipDatabaseServer.class);
            DataSource own = context.getBean(DataSource.class);
            assertThat(context.getBean(PaperclipDb.class).dataSource()).isSameAs(own);
            assertThat(Db.tableExists(own, "issues")).isTrue();
        });
    }

    @Test
    void bothPaperclipAndSpringUrlsAreRefusedNamingBoth() {
        Contexts.runner().withPropertyValues("paperclip.db.url=" + Contexts.freshUrl(server),
                "spring.datasource.url=" + Contexts.freshJdbcUrl(server), "spring.datasource.username=" + PostgresServer.USER,
                "spring.datasource.password=" + PostgresServer.PASSWORD).run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("Both paperclip.db.url and spring.datasource.url are set")
                            .hasMessageNotContaining(PostgresServer.PASSWORD);
                });
    }

    @Test
    void poolerModeTurnsPreparedStatementsOffOnTheStartersPoolAndOnBoots() {
        Contexts.runner().withPropertyValues("paperclip.db.url=" + Contexts.freshUrl(server),
                "paperclip.db.prepared-statements=false").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(prepareThreshold(context.getBean(DataSource.class))).isZero();
                });
        Contexts.runner().withPropertyValues("spring.datasource.url=" + Contexts.freshJdbcUrl(server),
                "spring.datasource.username=" + PostgresServer.USER, "spring.datasource.password=" + PostgresServer.PASSWORD,
                "DATABASE_PREPARED_STATEMENTS=false").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(prepareThreshold(context.getBean(DataSource.class))).isZero();
                });
    }

    @Test
    void poolerModeRefusesADataSourceOfTheApplicationsThatStillPrepares() {
        String url = Contexts.freshJdbcUrl(server);
        Contexts.runner().withBean(DataSource.class, () -> pool(url, false))
                .withPropertyValues("paperclip.db.prepared-statements=false").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("prepareThreshold=0");
                });
    }

    @Test
    void aBadSettingIsNamed() {
        Contexts.runner().withPropertyValues("paperclip.db.url=" + Contexts.freshUrl(server), "paperclip.db.pool.max=0")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("paperclip.db.* property").hasMessageContaining("poolMax")
                            .hasMessageNotContaining(PostgresServer.PASSWORD);
                });
    }

    @Test
    void theProductionGuardRefusesTheEmbeddedDefault() {
        Contexts.runner().withPropertyValues("paperclip.db.instance.home=" + Contexts.home(directory),
                "paperclip.db.embedded-postgres=false").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("DATABASE_URL");
                });
    }

    @Test
    void turnedOffTheStarterConfiguresNothing() {
        // Only the starter's auto-configurations: Boot's own pool would want spring.datasource.url.
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PaperclipDataSourceAutoConfiguration.class,
                        PaperclipAutoConfiguration.class, PaperclipHealthAutoConfiguration.class, PaperclipMetricsAutoConfiguration.class))
                .withPropertyValues("paperclip.db.enabled=false", "paperclip.db.url=" + Contexts.freshUrl(server))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(PaperclipDb.class)
                        .doesNotHaveBean(PaperclipDatabaseServer.class).doesNotHaveBean(DataSource.class));
    }

    private static int prepareThreshold(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return c.unwrap(PGConnection.class).getPrepareThreshold();
        }
    }

    static HikariDataSource pool(String jdbcUrl, boolean noPrepare) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(PostgresServer.USER);
        config.setPassword(PostgresServer.PASSWORD);
        config.setMaximumPoolSize(3);
        if (noPrepare) {
            config.addDataSourceProperty("prepareThreshold", "0");
        }
        return new HikariDataSource(config);
    }

}
