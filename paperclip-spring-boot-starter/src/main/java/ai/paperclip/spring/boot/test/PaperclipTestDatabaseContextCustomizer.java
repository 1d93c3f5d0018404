package ai.paperclip.spring.boot.test;

import ai.paperclip.db.migration.MigrationSource;
import ai.paperclip.db.migration.Migrator;
import ai.paperclip.embedded.junit.TestDatabase;
import ai.paperclip.embedded.junit.TestDatabases;
import ai.paperclip.spring.boot.internal.PaperclipSettings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Makes the database when the context is created (so no JUnit callback order matters), points the starter at it
 * with the highest-precedence property source, and drops it when the context closes: the holder bean is registered
 * first, so it is destroyed after the pool. Equal only for the same test class: every class has its own database,
 * hence its own context.
 */
final class PaperclipTestDatabaseContextCustomizer implements ContextCustomizer {

    private static final Logger LOG = LoggerFactory.getLogger(PaperclipTestDatabaseContextCustomizer.class);

    private final Class<?> testClass;

    PaperclipTestDatabaseContextCustomizer(Class<?> testClass) {
        this.testClass = testClass;
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
        PaperclipSettings settings = PaperclipSettings.of(context.getEnvironment(), context.getClassLoader());
        List<MigrationSource> sources = settings.options().migrations();
        String template = "paperclip_" + Integer.toHexString(Objects.hash(sources.stream().map(MigrationSource::toString).toList()));
        TestDatabase database = TestDatabases.create(template,
                db -> Migrator.configure().dataSource(db.dataSource()).migrations(sources).load()
                        .migrate(),
                testClass.getSimpleName());
        Map<String, Object> properties = new HashMap<>();
        properties.put("paperclip.db.url", "postgres://" + encode(database.user()) + ":" + encode(database.password()) + "@"
                + database.host() + ":" + database.port() + "/" + database.name());
        properties.put("spring.datasource.url", "");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("paperclipTestDatabase", properties));
        if (context.getBeanFactory() instanceof DefaultListableBeanFactory factory) {
            Dropper dropper = new Dropper(database);
            factory.registerSingleton("paperclipTestDatabaseDropper", dropper);
            factory.registerDisposableBean("paperclipTestDatabaseDropper", dropper);
        }
        LOG.info("Test database {} for {}", database.name(), testClass.getName());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PaperclipTestDatabaseContextCustomizer that && that.testClass == testClass;
    }

    @Override
    public int hashCode() {
        return testClass.hashCode();
    }

    /** Drops the test database after every other bean of the context is destroyed. */
    private record Dropper(TestDatabase database) implements DisposableBean {
        @Override
        public void destroy() {
            try {
                TestDatabases.drop(database);
            } catch (RuntimeException e) {
                // The JVM may be exiting and the server already gone: nothing left to clean.
                LOG.debug("Could not drop test database {}: {}", database.name(), e.getMessage());
            }
        }
    }
}
