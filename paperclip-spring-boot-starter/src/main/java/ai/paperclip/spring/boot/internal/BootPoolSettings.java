package ai.paperclip.spring.boot.internal;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;

/**
 * Applies {@code paperclip.db.prepared-statements=false} ({@code DATABASE_PREPARED_STATEMENTS=false}) to Boot's
 * HikariCP pool before it opens its first connection ({@code prepareThreshold=0}, required behind a
 * transaction-mode pooler). The starter's own pool gets it from Paperclip directly; any other data source is
 * checked by {@code PaperclipDb.create}, which refuses one that still prepares statements.
 */
public final class BootPoolSettings implements BeanPostProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(BootPoolSettings.class);

    private final Environment environment;

    public BootPoolSettings(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && !pool.isRunning() && pool.getHikariPoolMXBean() == null
                && PaperclipSettings.springDataSourceUrlSet(environment)
                && !PaperclipSettings.of(environment, getClass().getClassLoader()).options().preparedStatements()) {
            pool.addDataSourceProperty("prepareThreshold", "0");
            LOG.info("Prepared statements off on Spring Boot's pool '{}' (prepareThreshold=0)", beanName);
        }
        return bean;
    }
}
