package ai.paperclip.embedded.junit;

import ai.paperclip.embedded.PostgresBinaries;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test class (or each test method) its own fresh database on one PostgreSQL server
 * shared by the whole test run, created from a template database in milliseconds.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final EmbeddedPostgresExtension PG = EmbeddedPostgresExtension.builder()
 *         .template("migrated", db -> migrate(db.dataSource()))   // once per server
 *         .build();
 *
 * @Test
 * void findsTheRow(TestDatabase db) throws SQLException {   // or PG.database()
 *     try (Connection c = db.openConnection()) { ... }
 * }
 * }</pre>
 *
 * <p>Register it on a {@code static} field. One server runs per JVM and binaries (random free port,
 * temporary data directory, fsync off); it is stopped when the test run ends (JUnit 5.13 or newer
 * closes it) or by its JVM shutdown hook. Other PostgreSQL versions come from
 * {@link Builder#binaries(PostgresBinaries)}, other server settings from
 * {@link Builder#serverSetting(String, String)}; each combination gets a server of its own. A test that
 * compares two databases takes a second one with {@link #newDatabase()}.
 */
public final class EmbeddedPostgresExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EmbeddedPostgresExtension.class);
    private static final String DATABASE = "database";

    private final PostgresBinaries binaries;
    private final Path cacheDirectory;
    private final String templateName;
    private final TemplatePreparer preparer;
    private final boolean perMethod;
    private final Map<String, String> serverSettings;
    private final List<TestDatabase> extra = new CopyOnWriteArrayList<>();
    private volatile SharedServer server;
    private volatile TestDatabase current;

    private EmbeddedPostgresExtension(Builder b) {
        this.binaries = b.binaries;
        this.cacheDirectory = b.cacheDirectory;
        this.templateName = b.templateName;
        this.preparer = b.preparer;
        this.perMethod = b.perMethod;
        this.serverSettings = Map.copyOf(b.serverSettings);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The database of the running test (per method) or test class (per class). */
    public TestDatabase database() {
        TestDatabase db = current;
        if (db == null) {
            throw new IllegalStateException("No test database yet: register the extension on a static field with"
                    + " @RegisterExtension and call database() from a test or @BeforeEach/@BeforeAll method.");
        }
        return db;
    }

    /**
     * One more fresh database on the same server, copied from the same template, dropped with the test's
     * own (after the test method, or after the class).
     */
    public TestDatabase newDatabase() {
        SharedServer running = server;
        if (running == null || current == null) {
            database(); // throws, saying how to register the extension
        }
        TestDatabase db = running.create(preparer == null ? "template0" : running.template(templateName, preparer),
                current.name() + "_extra");
        extra.add(db);
        return db;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!perMethod) {
            open(context, context.getRequiredTestClass().getSimpleName());
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (perMethod) {
            open(context, context.getRequiredTestClass().getSimpleName() + "_" + context.getRequiredTestMethod().getName());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perMethod) {
            close(context);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (!perMethod) {
            close(context);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestDatabase db = context.getStore(NAMESPACE).get(DATABASE, TestDatabase.class);
        return db != null ? db : database();
    }

    private void open(ExtensionContext context, String hint) {
        SharedServer shared = server(context);
        server = shared;
        String template = preparer == null ? "template0" : shared.template(templateName, preparer);
        TestDatabase db = shared.create(template, hint);
        context.getStore(NAMESPACE).put(DATABASE, db);
        current = db;
    }

    private void close(ExtensionContext context) {
        TestDatabase db = context.getStore(NAMESPACE).remove(DATABASE, TestDatabase.class);
        SharedServer shared = server(context);
        for (TestDatabase other : extra) {
            shared.drop(other);
        }
        extra.clear();
        if (db != null) {
            shared.drop(db);
        }
        current = null;
    }

    private SharedServer server(ExtensionContext context) {
        String key = "server:" + binaries + ":" + cacheDirectory + ":" + new TreeMap<>(serverSettings);
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(key,
                k -> SharedServer.start(binaries, cacheDirectory, serverSettings), SharedServer.class);
    }

    /** Settings of the extension. */
    public static final class Builder {

        private PostgresBinaries binaries = PostgresBinaries.bundled();
        private Path cacheDirectory = Path.of(System.getProperty("java.io.tmpdir"), "paperclip-embedded-cache");
        private String templateName;
        private TemplatePreparer preparer;
        private boolean perMethod;
        private final Map<String, String> serverSettings = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * A server setting ({@code -c name=value}) on top of the test server's own (fsync off and the like),
         * for example {@code serverSetting("max_locks_per_transaction", "256")}. Checked as
         * {@link ai.paperclip.embedded.EmbeddedPostgresOptions} checks every setting.
         */
        public Builder serverSetting(String name, String value) {
            serverSettings.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** The server's binaries (default: the PostgreSQL 18 jar on the class path); one server per binaries. */
        public Builder binaries(PostgresBinaries binaries) {
            this.binaries = Objects.requireNonNull(binaries, "binaries");
            return this;
        }

        /** Where binaries and cluster templates are cached across runs (default {@code java.io.tmpdir}). */
        public Builder cacheDirectory(Path directory) {
            this.cacheDirectory = Objects.requireNonNull(directory, "cacheDirectory");
            return this;
        }

        /**
         * Test databases are copies of the template {@code name}, filled once per server by
         * {@code preparer}. Extensions sharing a name share the template (the first preparer wins).
         */
        public Builder template(String name, TemplatePreparer preparer) {
            if (!name.matches("[a-z0-9_]{1,40}")) {
                throw new IllegalArgumentException("template name must match [a-z0-9_]{1,40}, found '" + name + "'");
            }
            this.templateName = name;
            this.preparer = Objects.requireNonNull(preparer, "preparer");
            return this;
        }

        /** A new database for every test method instead of one per test class. */
        public Builder perMethod() {
            this.perMethod = true;
            return this;
        }

        public EmbeddedPostgresExtension build() {
            return new EmbeddedPostgresExtension(this);
        }
    }
}
