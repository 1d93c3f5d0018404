package ai.paperclip.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.db.backup.BackupOptions;
import ai.paperclip.db.backup.Backups;
import ai.paperclip.db.testing.PostgresServer;
import ai.paperclip.db.testing.Wait;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;

/** The {@code paperclip} health indicator and the meters, with and without the actuator's health and Micrometer. */
class HealthAndMetricsIT {

    private static final AutoConfigurations METRICS = AutoConfigurations.of(MetricsAutoConfiguration.class,
            CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
            DataSourcePoolMetricsAutoConfiguration.class);

    private static PostgresServer server;

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
    @SuppressWarnings("unchecked")
    void theHealthIndicatorReportsDatabaseServerMigrationsAndPool() {
        Contexts.runner().withPropertyValues("paperclip.db.url=" + Contexts.freshUrl(server), "paperclip.db.pool.max=4")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasBean("paperclipHealthIndicator");
                    Health health = context.getBean("paperclipHealthIndicator", HealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    Map<String, Object> details = health.getDetails();
                    assertThat((String) details.get("database")).contains("127.0.0.1").doesNotContain(PostgresServer.PASSWORD);
                    assertThat((Map<String, Object>) details.get("server")).containsKeys("version", "connections", "maxConnections");
                    Map<String, Object> migrations = (Map<String, Object>) details.get("migrations");
                    assertThat(migrations.get("state")).isEqualTo("UP_TO_DATE");
                    assertThat((Integer) migrations.get("applied")).isPositive();
                    Map<String, Object> pools = (Map<String, Object>) details.get("pools");
                    assertThat((Map<String, Object>) pools.get("paperclip")).containsEntry("role", "primary").containsEntry("max", 4);
                });
    }

    @Test
    void theHealthIndicatorSaysOutOfServiceWhenAMigrationIsPendingAndDownWhenTheServerIsGone() {
        String url = Contexts.freshUrl(server);
        Contexts.runner().withPropertyValues("paperclip.db.url=" + url).run(context -> {
            HealthIndicator indicator = context.getBean("paperclipHealthIndicator", HealthIndicator.class);
            ai.paperclip.db.testing.Db.execute(context.getBean(javax.sql.DataSource.class),
                    "delete from databasechangelog where orderexecuted = (select max(orderexecuted) from databasechangelog)");
            assertThat(indicator.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);

            context.getBean(com.zaxxer.hikari.HikariDataSource.class).close();
            Health down = indicator.health();
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(down.getDetails().toString()).doesNotContain(PostgresServer.PASSWORD);
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOverdueScheduledBackupIsADetailAndTheStatusStaysUp(@TempDir Path dir) {
        Path backups = dir.resolve("backups");
        String url = Contexts.freshUrl(server);
        Contexts.runner().withPropertyValues("paperclip.db.url=" + url,
                "paperclip.db.instance.home=" + Contexts.home(dir.resolve("home")),
                "PAPERCLIP_BACKUP_ENABLED=true", "PAPERCLIP_BACKUP_DIR=" + backups).run(context -> {
                    assertThat(context).hasNotFailed();
                    HealthIndicator indicator = context.getBean("paperclipHealthIndicator", HealthIndicator.class);
                    Map<String, Object> none = (Map<String, Object>) indicator.health().getDetails().get("backup");
                    assertThat(none).containsEntry("overdue", true).doesNotContainKey("newest");
                    // A real backup whose manifest says it was taken three hours ago: two intervals of 60 min passed.
                    Backups.of(url, BackupOptions.builder().directory(backups).migrate(false)
                            .clock(Clock.offset(Clock.systemDefaultZone(), Duration.ofHours(-3))).build()).backup();
                    Health health = indicator.health();
                    assertThat(health.getStatus()).as("a stale backup does not take the application out").isEqualTo(Status.UP);
                    Map<String, Object> backup = (Map<String, Object>) health.getDetails().get("backup");
                    assertThat(backup).containsEntry("overdue", true).containsKeys("newest", "freeBytes");
                    assertThat((Long) backup.get("ageSeconds")).isGreaterThanOrEqualTo(Duration.ofHours(3).toSeconds());
                    assertThat(health.getDetails().toString()).doesNotContain(PostgresServer.PASSWORD);
                });
        Contexts.runner().withPropertyValues("paperclip.db.url=" + Contexts.freshUrl(server),
                "paperclip.db.instance.home=" + Contexts.home(dir.resolve("off"))).run(context -> {
                    HealthIndicator indicator = context.getBean("paperclipHealthIndicator", HealthIndicator.class);
                    assertThat(indicator.health().getDetails()).as("backups not configured").doesNotContainKey("backup");
                });
    }

    @Test
    void withoutTheActuatorsHealthThereIsNoIndicatorAndTheStarterStillWorks() {
        Contexts.runner().withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .withPropertyValues("paperclip.db.url=" + Contexts.freshUrl(server)).run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean("paperclipHealthIndicator")
                            .hasSingleBean(ai.paperclip.db.PaperclipDb.class);
                });
        Contexts.runner().withPropertyValues("paperclip.db.url=" + Contexts.freshUrl(server),
                "management.health.paperclip.enabled=false").run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean("paperclipHealthIndicator");
                });
    }

    @Test
    void metersGoToBootsRegistryHikarisAndOurs() {
        Contexts.runner().withConfiguration(METRICS).withPropertyValues("paperclip.db.url=" + Contexts.freshUrl(server))
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(PaperclipMetrics.class);
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    assertThat(registry.get("paperclip.db.migrations.applied").gauge().value()).isPositive();
                    assertThat(registry.get("paperclip.db.migrations.pending").gauge().value()).isZero();
                    // The library's gauges (one background sample) in the same registry.
                    Wait.until("a connection sample", Duration.ofMinutes(1),
                            () -> registry.get("paperclip.db.server.connections").tag("pool", "paperclip").gauge().value() > 0);
                    assertThat(registry.get("paperclip.db.server.max.connections").gauge().value()).isPositive();
                    assertThat(registry.get("hikaricp.connections.max").tag("pool", "paperclip").gauge().value()).isEqualTo(10);
                });
    }

    @Test
    void withoutMicrometerThereAreNoMetersAndTheStarterStillWorks() {
        Contexts.runner().withClassLoader(new FilteredClassLoader(MeterBinder.class))
                .withPropertyValues("paperclip.db.url=" + Contexts.freshUrl(server)).run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(PaperclipMetrics.class)
                            .hasSingleBean(ai.paperclip.db.PaperclipDb.class);
                });
    }
}
