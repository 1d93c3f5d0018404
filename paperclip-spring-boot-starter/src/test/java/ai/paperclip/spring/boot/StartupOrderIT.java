package ai.paperclip.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.db.PaperclipDb;
import ai.paperclip.db.testing.Db;
import ai.paperclip.db.testing.LogCapture;
import ai.paperclip.db.testing.PostgresServer;
import ai.paperclip.db.testing.TestHistory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Paperclip's migrations run before anything that uses the database, on an empty database: beans that read the
 * {@code issues} table while they are created, Boot's own Flyway, a Liquibase of the application's, and the
 * application's own Paperclip-format history ({@code paperclip.db.migrations.locations}).
 */
class StartupOrderIT {

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
    void beansReadingIssuesWhileCreatedStartOnAnEmptyDatabaseWithTheStartersPool() {
        Contexts.runner().withPropertyValues("paperclip.db.url=" + Contexts.freshUrl(server))
                .withUserConfiguration(IssueReaders.class, ReadsThroughTheDataSource.class).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(ReadsThroughJooq.class).openIssues).isZero();
                    assertThat(context.getBean(ReadsThroughJdbcTemplate.class).openIssues).isZero();
                    assertThat(context.getBean(ReadsThroughTheDataSource.class).openIssues).isZero();
                });
    }

    @Test
    void beansReadingIssuesWhileCreatedStartOnAnEmptyDatabaseWithBootsPool() {
        Contexts.runner().withPropertyValues("spring.datasource.url=" + Contexts.freshJdbcUrl(server),
                        "spring.datasource.username=" + PostgresServer.USER, "spring.datasource.password=" + PostgresServer.PASSWORD)
                .withUserConfiguration(IssueReaders.class, ReadsThroughTheDataSourceAnnotated.class).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(ReadsThroughJooq.class).openIssues).isZero();
                    assertThat(context.getBean(ReadsThroughJdbcTemplate.class).openIssues).isZero();
                    assertThat(context.getBean(ReadsThroughTheDataSourceAnnotated.class).openIssues).isZero();
                });
    }

    @Test
    void bootsFlywayRunsAfterPaperclipsMigrations() {
        Contexts.runner().withConfiguration(AutoConfigurations.of(FlywayAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + Contexts.freshJdbcUrl(server),
                        "spring.datasource.username=" + PostgresServer.USER, "spring.datasource.password=" + PostgresServer.PASSWORD,
                        "spring.flyway.locations=classpath:flyway-after-paperclip",
                        // Paperclip's tables are already there when Flyway looks: its history starts below V1.
                        "spring.flyway.baseline-on-migrate=true", "spring.flyway.baseline-version=0")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    DataSource dataSource = context.getBean(DataSource.class);
                    assertThat(Db.tableExists(dataSource, "app_invoices")).isTrue();
                    assertThat(Db.tableExists(dataSource, "flyway_schema_history")).isTrue();
                    assertThat(Db.history(dataSource)).allMatch(row -> row.startsWith("paperclip:"));
                    assertThat(LogCapture.text()).contains("Spring Boot's Flyway (flyway) runs after Paperclip's migrations");
                });
    }

    @Test
    void aLiquibaseWritingIntoPaperclipsHistoryTableIsRefusedBeforeItRuns() {
        String url = Contexts.freshUrl(server);
        Contexts.runner().withPropertyValues("paperclip.db.url=" + url)
                .withUserConfiguration(SharedHistoryLiquibase.class).run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .hasMessageContaining("databasechangelog, the table of Paperclip's migrations")
                            .hasMessageContaining("paperclip.db.migrations.locations")
                            .hasMessageContaining("spring.liquibase.database-change-log-table");
                });
    }

    @Test
    void aLiquibaseWithTablesOfItsOwnRunsAfterPaperclipsMigrations() {
        Contexts.runner().withPropertyValues("paperclip.db.url=" + Contexts.freshUrl(server))
                .withUserConfiguration(OwnHistoryLiquibase.class).run(context -> {
                    assertThat(context).hasNotFailed();
                    DataSource dataSource = context.getBean(DataSource.class);
                    assertThat(Db.tableExists(dataSource, "app_notes")).isTrue();
                    assertThat(Db.history(dataSource)).allMatch(row -> row.startsWith("paperclip:"));
                    assertThat(Db.column(dataSource, "select author || ':' || id from app_changelog")).containsExactly("app:1");
                });
    }

    @Test
    void theApplicationsOwnHistoryRunsAfterPaperclipsInOneHistory() {
        TestHistory own = TestHistory.in(directory.resolve("orders"))
                .migration("0001_app_orders", "create table app_orders (id serial primary key,"
                        + " company_id uuid not null references companies (id));");
        Contexts.runner().withPropertyValues("paperclip.db.url=" + Contexts.freshUrl(server),
                "paperclip.db.migrations.locations=filesystem:" + own.dir()).run(context -> {
                    assertThat(context).hasNotFailed();
                    DataSource dataSource = context.getBean(DataSource.class);
                    List<String> history = Db.history(dataSource);
                    assertThat(history.get(history.size() - 1)).isEqualTo("test:0001_app_orders");
                    assertThat(history.subList(0, history.size() - 1)).allMatch(row -> row.startsWith("paperclip:"));
                    assertThat(context.getBean(PaperclipDb.class).options().migrations()).hasSize(2);
                });
    }

    @Test
    void aLocationWithAnUnknownPrefixIsNamed() {
        Contexts.runner().withPropertyValues("paperclip.db.url=" + Contexts.freshUrl(server),
                "paperclip.db.migrations.locations=s3://bucket/migrations").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("s3://bucket/migrations").hasMessageContaining("classpath:");
                });
    }

    static int openIssues(Connection connection) throws SQLException {
        try (ResultSet rs = connection.createStatement().executeQuery("select count(*) from issues where status <> 'done'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class IssueReaders {
        @Bean
        ReadsThroughJooq readsThroughJooq(DSLContext dsl) {
            return new ReadsThroughJooq(dsl);
        }

        @Bean
        ReadsThroughJdbcTemplate readsThroughJdbcTemplate(JdbcTemplate jdbc) {
            return new ReadsThroughJdbcTemplate(jdbc);
        }
    }

    static final class ReadsThroughJooq {
        final int openIssues;

        ReadsThroughJooq(DSLContext dsl) {
            openIssues = dsl.fetchCount(DSL.table("issues"), DSL.field("status").ne("done"));
        }
    }

    static final class ReadsThroughJdbcTemplate {
        final int openIssues;

        ReadsThroughJdbcTemplate(JdbcTemplate jdbc) {
            openIssues = jdbc.queryForObject("select count(*) from issues where status <> 'done'", Integer.class);
        }
    }

    /** Only a {@code DataSource}: with the starter's pool, the bean is migrated before anyone gets it. */
    static final class ReadsThroughTheDataSource {
        final int openIssues;

        ReadsThroughTheDataSource(DataSource dataSource) throws SQLException {
            try (Connection c = dataSource.getConnection()) {
                openIssues = openIssues(c);
            }
        }
    }

    /** With Boot's pool a bare {@code DataSource} user says it needs the database initialized, as with Flyway. */
    @DependsOnDatabaseInitialization
    static final class ReadsThroughTheDataSourceAnnotated {
        final int openIssues;

        ReadsThroughTheDataSourceAnnotated(DataSource dataSource) throws SQLException {
            try (Connection c = dataSource.getConnection()) {
                openIssues = openIssues(c);
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class SharedHistoryLiquibase {
        @Bean
        SpringLiquibase liquibase(DataSource dataSource) {
            SpringLiquibase liquibase = new SpringLiquibase();
            liquibase.setDataSource(dataSource);
            liquibase.setChangeLog("classpath:liquibase-after-paperclip/changelog.sql");
            return liquibase;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnHistoryLiquibase {
        @Bean
        SpringLiquibase liquibase(DataSource dataSource) {
            SpringLiquibase liquibase = new SpringLiquibase();
            liquibase.setDataSource(dataSource);
            liquibase.setChangeLog("classpath:liquibase-after-paperclip/changelog.sql");
            liquibase.setDatabaseChangeLogTable("app_changelog");
            liquibase.setDatabaseChangeLogLockTable("app_changelog_lock");
            return liquibase;
        }
    }
}
