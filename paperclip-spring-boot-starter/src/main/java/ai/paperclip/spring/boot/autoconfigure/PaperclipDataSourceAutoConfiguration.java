package ai.paperclip.spring.boot.autoconfigure;

import ai.paperclip.db.PaperclipDb;
import ai.paperclip.db.PaperclipDbOptions;
import ai.paperclip.db.PaperclipPool;
import ai.paperclip.spring.boot.PaperclipDatabaseServer;
import ai.paperclip.spring.boot.PaperclipDbProperties;
import ai.paperclip.spring.boot.internal.MeterRegistrySource;
import ai.paperclip.spring.boot.internal.PaperclipSettings;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;

/**
 * The starter's own pool, when the application has neither a {@code DataSource} of its own nor
 * {@code spring.datasource.url}: Paperclip's settings pick the server (the embedded default when nothing names
 * one), the pool is Paperclip's ({@code postgres://} URLs, prepared statements, timeouts), and the
 * {@code DataSource} bean is handed out only after the schema is up to date, so even a bean that reads the database
 * through the bare {@code DataSource} while it is created finds the tables. Boot's {@code DataSourceAutoConfiguration}
 * then backs off: one pool.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnClass({PaperclipDb.class, HikariDataSource.class})
@ConditionalOnProperty(prefix = "paperclip.db", name = "enabled", matchIfMissing = true)
@ConditionalOnMissingBean(DataSource.class)
@Conditional(NoSpringDataSourceUrlCondition.class)
@EnableConfigurationProperties(PaperclipDbProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public class PaperclipDataSourceAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(PaperclipDataSourceAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    public PaperclipDatabaseServer paperclipDatabaseServer(Environment environment) {
        return new PaperclipDatabaseServer(PaperclipSettings.of(environment, getClass().getClassLoader()).target());
    }

    /**
     * Paperclip's database on the starter's pool: the server is checked and migrated before this returns. The pool
     * is closed by the {@code dataSource} bean, which depends on this one and so is destroyed first.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public PaperclipDb paperclipDb(PaperclipDatabaseServer server, Environment environment,
                                   ObjectProvider<PaperclipPoolCustomizer> customizers,
                                   ObjectProvider<MeterRegistrySource> meters) {
        PaperclipDbOptions options = PaperclipSettings.of(environment, getClass().getClassLoader())
                .options(MeterRegistrySource.of(meters.getIfAvailable()));
        if (Binder.get(environment).bind("spring.datasource.hikari", Bindable.mapOf(String.class, Object.class)).isBound()) {
            LOG.warn("spring.datasource.hikari.* is set but does not apply: the pool is Paperclip's (spring.datasource.url is"
                    + " not set). Size it with paperclip.db.pool.* (max, idle-timeout, connect-timeout, name), or set"
                    + " spring.datasource.url to use Spring Boot's pool.");
        }
        HikariDataSource pool = PaperclipPool.open(server.url(), options,
                config -> customizers.orderedStream().forEach(c -> c.customize(config)));
        try {
            return PaperclipDb.create(pool, options);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** The pool, migrated: the one {@code DataSource} of the application. */
    @Bean(destroyMethod = "close")
    public HikariDataSource dataSource(PaperclipDb paperclipDb) {
        return (HikariDataSource) paperclipDb.dataSource();
    }
}
