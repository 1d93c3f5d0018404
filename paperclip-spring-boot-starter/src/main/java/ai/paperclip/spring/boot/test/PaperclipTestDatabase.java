package ai.paperclip.spring.boot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a {@code @SpringBootTest} (or any Spring test context) a fresh database with Paperclip's migrations (and
 * the application's own, {@code paperclip.db.migrations.locations}) already applied: a copy of a template database
 * on one embedded PostgreSQL per test JVM, made in milliseconds. Each test class gets its own database and so its
 * own application context; add {@code @DirtiesContext(classMode = AFTER_EACH_TEST_METHOD)} for a database per test
 * method. The database is dropped when its context closes.
 *
 * <pre>{@code
 * @SpringBootTest
 * @PaperclipTestDatabase
 * class IssueRepositoryTest {
 *     @Autowired DSLContext dsl;   // on the fresh database
 * }
 * }</pre>
 *
 * <p>It sets {@code paperclip.db.url} for the context (and clears {@code spring.datasource.url}), so the starter's
 * own pool connects to the test database whatever the application's configuration or {@code DATABASE_URL} say.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface PaperclipTestDatabase {
}
