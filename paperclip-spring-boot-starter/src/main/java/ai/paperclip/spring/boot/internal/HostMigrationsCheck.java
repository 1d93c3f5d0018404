package ai.paperclip.spring.boot.internal;

import java.util.Locale;
import liquibase.integration.spring.SpringLiquibase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.util.ClassUtils;

/**
 * What happens when Spring Boot's own Flyway or Liquibase also runs (the application's {@code spring.flyway.*} or
 * {@code spring.liquibase.*} history): both run after Paperclip's migrations (Paperclip's initializer detector
 * orders first), Flyway in its own history table. Liquibase defaults to {@code databasechangelog}, the table
 * Paperclip's history lives in: two runners sharing it would each see the other's changesets as unknown, so that
 * is refused before Boot's Liquibase runs, naming the ways out. Nothing runs twice, nothing silently.
 */
public final class HostMigrationsCheck implements BeanPostProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(HostMigrationsCheck.class);
    private static final String FLYWAY = "org.flywaydb.core.Flyway";
    private static final String PAPERCLIP_HISTORY = "databasechangelog";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof SpringLiquibase liquibase) {
            String table = liquibase.getDatabaseChangeLogTable();
            if ((table == null || table.toLowerCase(Locale.ROOT).equals(PAPERCLIP_HISTORY))) {
                throw new BeanCreationException(beanName, "Spring Boot's Liquibase (" + beanName + ", change log "
                        + liquibase.getChangeLog() + ") would keep its history in databasechangelog, the table of"
                        + " Paperclip's migrations. Either move that change log into a history of your own and list it in"
                        + " paperclip.db.migrations.locations (applied after Paperclip's), or give Liquibase tables of its"
                        + " own (spring.liquibase.database-change-log-table and"
                        + " spring.liquibase.database-change-log-lock-table), or turn it off (spring.liquibase.enabled=false).");
            }
            LOG.info("Spring Boot's Liquibase ({}) runs after Paperclip's migrations, with its history in {}", beanName, table);
        } else if (isA(bean, FLYWAY, bean.getClass().getClassLoader())) {
            LOG.info("Spring Boot's Flyway ({}) runs after Paperclip's migrations, with its history in its own table; on a"
                    + " new database it finds Paperclip's tables, so set spring.flyway.baseline-on-migrate=true and"
                    + " spring.flyway.baseline-version=0", beanName);
        }
        return bean;
    }

    private static boolean isA(Object bean, String className, ClassLoader loader) {
        if (!ClassUtils.isPresent(className, loader)) {
            return false;
        }
        return ClassUtils.resolveClassName(className, loader).isInstance(bean);
    }
}
