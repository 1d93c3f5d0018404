package ai.paperclip.db.testing;

import ai.paperclip.db.migration.Migrator;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension giving test classes ONE PostgreSQL 17 server per test JVM, started on first use and
 * stopped when the run ends (the root context's store closes it). Inject it as a {@link PostgresServer}
 * parameter. Its database {@code paperclip} is migrated once at start, so tests that only connect find an
 * up-to-date schema whatever ran before them; migration tests use {@link PostgresServer#freshDatabase()}.
 */
public final class SharedPostgres implements ParameterResolver {

    private static final String JAR_PROPERTY = "paperclip.test.postgres17.jar";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PostgresServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SharedPostgres.class, key -> new Resource(migrated(PostgresServer.start(JAR_PROPERTY))),
                        Resource.class)
                .server;
    }

    private static PostgresServer migrated(PostgresServer server) {
        Migrator.configure().url(server.url()).load().migrate();
        return server;
    }

    private record Resource(PostgresServer server) implements AutoCloseable {
        @Override
        public void close() {
            server.close();
        }
    }
}
