package ai.paperclip.spring.boot.autoconfigure;

import ai.paperclip.db.PaperclipDb;
import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.core.Ordered;

/**
 * Tells Boot's database initialization ordering that a {@link PaperclipDb} bean initializes the database (it
 * migrates when created): JPA, jOOQ, {@code JdbcTemplate} and {@code @DependsOnDatabaseInitialization} beans are
 * created after it. Ordered first, so Boot's own Flyway, Liquibase and SQL-script initializers run after
 * Paperclip's migrations (the application's tables may reference Paperclip's).
 */
public final class PaperclipDbInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(PaperclipDb.class);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
