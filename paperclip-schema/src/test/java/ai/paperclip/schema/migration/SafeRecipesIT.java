package ai.paperclip.schema.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.paperclip.schema.ddl.PostgresDdl;
import ai.paperclip.embedded.junit.EmbeddedPostgresExtension;
import ai.paperclip.embedded.junit.TestDatabase;
import ai.paperclip.schema.testing.IndependentCatalogReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated live-safe recipes against real PostgreSQL, on tables with rows.
 *
 * <p>While they apply, a writer inserts into the changed table without pause, with its own
 * {@code lock_timeout} equal to the migration's: the server ends any insert that waits longer with
 * SQLSTATE 55P03, so "never blocked longer than the lock timeout" is measured by PostgreSQL, not by a
 * clock in the test. The changesets apply one at a time and the next starts only after the writer
 * inserted again, so the writer runs through the whole migration however busy the machine is.
 *
 * <p>The lock each long step keeps is also checked head-on: a step's transaction is held open and an
 * insert must still go through, while the plain statement the recipe replaces makes the same insert fail.
 */
class SafeRecipesIT {

    private static final int AGENTS = 20_000;
    private static final String INSERT_AGENT = "INSERT INTO agents (company_id, name, title, rank)"
            + " SELECT id, 'writer', 'w', 1 FROM companies ORDER BY name LIMIT 1";

    @RegisterExtension
    static final EmbeddedPostgresExtension PG = EmbeddedPostgresExtension.builder().perMethod().build();

    @TempDir
    Path folder;

    @Test
    void eachRecipeAppliesUnderAContinuousWriterThatIsNeverBlockedLongerThanTheLockTimeoutAndEndsAtAFreshCreate()
            throws Exception {
        MigrationGeneratorTest.writeSafeRecipes(folder);
        TestDatabase url = PG.database();
        try (Connection c = url.openConnection()) {
            update(c, 1); // 0000_base
            fill(c);
            try (Writer writer = new Writer(url, MigrationOptions.DEFAULT_LOCK_TIMEOUT.toMillis())) {
                writer.start();
                int changesets = 0;
                while (pending(c) > 0) {
                    long before = writer.awaitInsertAfter(writer.inserts());
                    update(c, 1);
                    changesets++;
                    writer.awaitInsertAfter(before);
                }
                assertThat(changesets).isEqualTo(7); // two concurrent indexes, constraints, three validations, not null
                writer.stopAndCheck();
            }
            assertThat(IndependentCatalogReader.comparableLines(c)).isEqualTo(freshCatalog());
        }
    }

    @Test
    void theLongStepsOfTheRecipesLetWritesThroughWhereThePlainStatementsBlockThem() throws Exception {
        TestDatabase url = PG.database();
        try (Connection setup = url.openConnection(); Statement s = setup.createStatement()) {
            for (String statement : PostgresDdl.createSchema(TestModels.safeBase())) {
                s.execute(statement);
            }
            fill(setup);
            s.execute("ALTER TABLE agents ADD CONSTRAINT agents_company_id_companies_id_fk FOREIGN KEY (company_id)"
                    + " REFERENCES companies(id) NOT VALID");
            s.execute("ALTER TABLE agents ADD CONSTRAINT agents_title_not_null CHECK (title IS NOT NULL) NOT VALID");
        }
        // the recipes' long steps: a validating scan under SHARE UPDATE EXCLUSIVE
        assertInsertPassesWhileHeld(url, "ALTER TABLE agents VALIDATE CONSTRAINT agents_company_id_companies_id_fk");
        assertInsertPassesWhileHeld(url, "ALTER TABLE agents VALIDATE CONSTRAINT agents_title_not_null");
        // what they replace: the same scans under locks that block writes
        assertInsertBlockedWhileHeld(url, "ALTER TABLE agents ADD CONSTRAINT plain_fk FOREIGN KEY (company_id)"
                + " REFERENCES companies(id)");
        assertInsertBlockedWhileHeld(url, "ALTER TABLE agents ALTER COLUMN rank SET NOT NULL");
        assertInsertBlockedWhileHeld(url, "CREATE INDEX plain_idx ON agents (name)");
        assertInsertBlockedWhileHeld(url, "ALTER TABLE agents ADD CONSTRAINT plain_check CHECK (rank >= 0)");
    }

    private static void assertInsertPassesWhileHeld(TestDatabase url, String ddl) throws SQLException {
        try (Connection holder = url.openConnection(); Connection writer = url.openConnection();
                Statement h = holder.createStatement(); Statement w = writer.createStatement()) {
            holder.setAutoCommit(false);
            h.execute(ddl);
            w.execute("SET lock_timeout = '100ms'");
            assertThat(w.executeUpdate(INSERT_AGENT)).as("insert while '%s' holds its lock", ddl).isEqualTo(1);
            holder.rollback();
        }
    }

    private static void assertInsertBlockedWhileHeld(TestDatabase url, String ddl) throws SQLException {
        try (Connection holder = url.openConnection(); Connection writer = url.openConnection();
                Statement h = holder.createStatement(); Statement w = writer.createStatement()) {
            holder.setAutoCommit(false);
            h.execute(ddl);
            w.execute("SET lock_timeout = '100ms'");
            assertThatThrownBy(() -> w.executeUpdate(INSERT_AGENT)).as("insert while '%s' holds its lock", ddl)
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("55P03"));
            holder.rollback();
        }
    }

    private static void fill(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO companies (name) SELECT 'company ' || i FROM generate_series(1, 100) i");
            s.execute("INSERT INTO agents (company_id, name, title, rank) SELECT c.id, 'agent ' || i, 'engineer', i % 7"
                    + " FROM generate_series(1, " + AGENTS + ") i JOIN companies c ON c.name = 'company ' || (1 + i % 100)");
        }
    }

    private static List<String> freshCatalog() throws Exception {
        try (Connection c = PG.newDatabase().openConnection(); Statement s = c.createStatement()) {
            for (String statement : PostgresDdl.createSchema(TestModels.safeTarget())) {
                s.execute(statement);
            }
            return IndependentCatalogReader.comparableLines(c);
        }
    }

    /** Inserts one row at a time, each its own transaction, until stopped; remembers the first failure. */
    private static final class Writer implements AutoCloseable {
        private final Connection connection;
        private final Thread thread;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private long inserts;
        private volatile boolean stop;

        Writer(TestDatabase url, long lockTimeoutMillis) throws SQLException {
            connection = url.openConnection();
            try (Statement s = connection.createStatement()) {
                s.execute("SET lock_timeout = '" + lockTimeoutMillis + "ms'");
            }
            thread = new Thread(this::run, "writer");
        }

        void start() {
            thread.start();
        }

        private void run() {
            try (Statement s = connection.createStatement()) {
                while (!stop) {
                    s.executeUpdate(INSERT_AGENT);
                    synchronized (this) {
                        inserts++;
                        notifyAll();
                    }
                }
            } catch (Throwable t) {
                failure.set(t);
                synchronized (this) {
                    notifyAll();
                }
            }
        }

        synchronized long inserts() {
            return inserts;
        }

        /** Waits until an insert completed after {@code count}; returns the new count. */
        synchronized long awaitInsertAfter(long count) throws InterruptedException {
            while (inserts <= count && failure.get() == null) {
                wait();
            }
            checkNoFailure();
            return inserts;
        }

        void stopAndCheck() throws InterruptedException {
            stop = true;
            thread.join();
            checkNoFailure();
        }

        private void checkNoFailure() {
            assertThat(failure.get()).as("the writer's failure (55P03: it waited longer than the lock timeout)").isNull();
        }

        @Override
        public void close() throws Exception {
            stop = true;
            thread.join();
            connection.close();
        }
    }

    private int pending(Connection c) throws Exception {
        try (Liquibase liquibase = liquibase(c)) {
            return liquibase.listUnrunChangeSets(new liquibase.Contexts(), new liquibase.LabelExpression()).size();
        }
    }

    private void update(Connection c, int count) throws Exception {
        try (Liquibase liquibase = liquibase(c)) {
            liquibase.update(count, "");
        }
    }

    @SuppressWarnings("deprecation")
    private Liquibase liquibase(Connection c) throws Exception {
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
        return new Liquibase("changelog.xml", new DirectoryResourceAccessor(folder), database) {
            @Override
            public void close() {
                // the test owns the connection; Liquibase must not close it
            }
        };
    }
}
