package ai.paperclip.db.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension giving test classes ONE PostgreSQL 17 server per test JVM, started on first use and
 * stopped when the run ends (the root context's store closes it). Inject it as a {@link PostgresServer}
 * parameter.
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
                .getOrComputeIfAbsent(SharedPostgres.class, key -> new Resource(PostgresServer.start(JAR_PROPERTY)),
                        Resource.class)
                .server;
    }

    private record Resource(PostgresServer server) implements AutoCloseable {
        @Override
        public void close() {
            server.close();
        }
    }
}
