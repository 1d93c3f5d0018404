package ai.paperclip.spring.boot.autoconfigure;

import ai.paperclip.db.PaperclipDb;
import ai.paperclip.spring.boot.PaperclipDbProperties;
import ai.paperclip.spring.boot.internal.BootPoolSettings;
import ai.paperclip.spring.boot.internal.HostMigrationsCheck;
import ai.paperclip.spring.boot.internal.MeterRegistrySource;
import ai.paperclip.spring.boot.internal.PaperclipSettings;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jooq.autoconfigure.JooqAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Paperclip's database on the application's one {@code DataSource}: Boot's pool ({@code spring.datasource.url}) or
 * a {@code DataSource} bean of the application's own (the starter's own pool is made by
 * {@link PaperclipDataSourceAutoConfiguration}). The {@link PaperclipDb} bean runs Paperclip's start-up (server
 * version, migrations under the start-up policy) when it is created; Boot's database initialization ordering
 * (the {@code PaperclipDb} initializer detector) creates it before JPA, jOOQ, {@code JdbcTemplate} and
 * {@code @DependsOnDatabaseInitialization} beans, and before Boot's own Flyway or Liquibase runs. Without
 * Boot's jOOQ auto-configuration, the {@code DSLContext} bean is Paperclip's.
 */
@AutoConfiguration(after = {PaperclipDataSourceAutoConfiguration.class, DataSourceAutoConfiguration.class,
        JooqAutoConfiguration.class})
@ConditionalOnClass(PaperclipDb.class)
@ConditionalOnProperty(prefix = "paperclip.db", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(PaperclipDbProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public class PaperclipAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(PaperclipAutoConfiguration.class);

    /** Paperclip's start-up on the application's pool; the pool stays the application's. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnSingleCandidate(DataSource.class)
    public PaperclipDb paperclipDb(DataSource dataSource, Environment environment,
                                   ObjectProvider<MeterRegistrySource> meters) {
        PaperclipSettings settings = PaperclipSettings.of(environment, getClass().getClassLoader());
        if (settings.properties().getUrl() != null && PaperclipSettings.springDataSourceUrlSet(environment)) {
            throw new IllegalStateException("Both paperclip.db.url and spring.datasource.url are set: they name two"
                    + " pools. Keep spring.datasource.url to use Spring Boot's pool (size it with spring.datasource.hikari.*),"
                    + " or keep paperclip.db.url to let the starter make Paperclip's pool; remove the other.");
        }
        if (settings.variables().containsKey("DATABASE_URL")) {
            LOG.warn("DATABASE_URL is set but the application's own DataSource ({}) is used: DATABASE_URL is ignored."
                    + " Remove spring.datasource.url (or your DataSource bean) to use DATABASE_URL.",
                    PaperclipSettings.springDataSourceUrlSet(environment) ? "spring.datasource.url" : "a DataSource bean");
        }
        return PaperclipDb.create(dataSource, settings.options(MeterRegistrySource.of(meters.getIfAvailable())));
    }

    /** Paperclip's {@code DSLContext}, only when Boot's jOOQ auto-configuration made none. */
    @Bean
    @ConditionalOnMissingBean(DSLContext.class)
    @ConditionalOnSingleCandidate(PaperclipDb.class)
    public DSLContext dslContext(PaperclipDb paperclipDb) {
        return paperclipDb.dsl();
    }

    /** Prepared statements off ({@code paperclip.db.prepared-statements=false}) on Boot's pool too. */
    @Bean
    public static BootPoolSettings paperclipBootPoolSettings(Environment environment) {
        return new BootPoolSettings(environment);
    }

    /** Refuses Boot's Liquibase writing its history into Paperclip's history table. */
    @Bean
    public static HostMigrationsCheck paperclipHostMigrationsCheck() {
        return new HostMigrationsCheck();
    }
}
