package ai.paperclip.schema.migration;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.schema.ddl.PostgresDdl;
import ai.paperclip.schema.model.SchemaModel;
import ai.paperclip.embedded.junit.EmbeddedPostgresExtension;
import ai.paperclip.schema.testing.IndependentCatalogReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history property against real PostgreSQL: a history of generated migrations applied in order
 * by Liquibase gives the same catalog as a fresh create of the final schema, and rolling back the
 * last migration gives the catalog of the one before.
 */
class MigrationHistoryIT {

    @RegisterExtension
    static final EmbeddedPostgresExtension PG = EmbeddedPostgresExtension.builder().perMethod().build();

    @TempDir
    Path folder;

    @Test
    void appliedHistoryEqualsAFreshCreateOfTheFinalSchemaAndRollbackReturnsThePreviousOne() throws Exception {
        MigrationGeneratorTest.writeHistory(folder);
        assertThat(Files.readString(folder.resolve("0003_rename_issues.sql"))).contains("RENAME TO tasks");

        try (Connection c = PG.database().openConnection()) {
            update(c, 7);   // 0000 (one changeset), 0001 (six: main, two concurrent indexes, constraints, two validations)
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO companies (name) VALUES ('Acme')");
                s.execute("INSERT INTO agents (company_id, name, title)"
                        + " SELECT id, 'Ada', 'CEO' FROM companies WHERE name = 'Acme'");
                s.execute("INSERT INTO issues (company_id, title) SELECT id, 'First' FROM companies");
            }
            update(c, null); // 0002 (custom back-fill), 0003 (renames, dropped index and column)

            List<String> catalog = IndependentCatalogReader.comparableLines(c);
            assertThat(catalog).isEqualTo(freshCatalog(TestModels.v3())).contains(
                    "sequence tasks_number_seq",
                    "column tasks.number integer NOT NULL DEFAULT nextval('tasks_number_seq'::regclass)",
                    "constraint tasks.tasks_priority_check CHECK ((priority = ANY (ARRAY['low'::text, 'medium'::text, 'high'::text])))",
                    "index tasks.tasks_company_status_idx CREATE INDEX tasks_company_status_idx ON public.tasks"
                            + " USING btree (company_id, status) WHERE (status <> 'done'::text)")
                    .doesNotContain("column companies.description text");
            assertThat(single(c, "SELECT job_title FROM agents")).isEqualTo("CEO");
            assertThat(single(c, "SELECT title || ' #' || number FROM tasks")).isEqualTo("First #1");
            assertThat(single(c, "SELECT count(*) FROM databasechangelog")).isEqualTo("9");

            rollbackOne(c);
            assertThat(IndependentCatalogReader.comparableLines(c)).isEqualTo(freshCatalog(TestModels.v2()))
                    .contains("index issues.issues_title_trgm_idx CREATE INDEX issues_title_trgm_idx ON public.issues"
                            + " USING gin (title gin_trgm_ops)");
            assertThat(single(c, "SELECT title FROM agents")).isEqualTo("CEO");
            assertThat(single(c, "SELECT title || ' #' || number FROM issues")).isEqualTo("First #1");
        }
    }

    @Test
    void theCatalogReaderSeesADifferenceInADefault() throws Exception {
        SchemaModel v1 = TestModels.v1();
        SchemaModel changed = SchemaDiffTest.withColumn(v1, "companies",
                TestModels.col("status", "text", true, "'paused'::text"));
        assertThat(freshCatalog(changed)).isNotEqualTo(freshCatalog(v1));
    }

    private static List<String> freshCatalog(SchemaModel model) throws Exception {
        try (Connection c = PG.newDatabase().openConnection();
                Statement s = c.createStatement()) {
            for (String statement : PostgresDdl.createSchema(model)) {
                s.execute(statement);
            }
            return IndependentCatalogReader.comparableLines(c);
        }
    }

    private void update(Connection c, Integer count) throws Exception {
        try (Liquibase liquibase = liquibase(c)) {
            if (count == null) {
                liquibase.update();
            } else {
                liquibase.update(count, "");
            }
        }
    }

    private void rollbackOne(Connection c) throws Exception {
        try (Liquibase liquibase = liquibase(c)) {
            liquibase.rollback(1, (String) null);
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

    private static String single(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
