package ai.paperclip.db.introspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.paperclip.db.introspect.features.FeatureSchema;
import ai.paperclip.db.testing.PostgresServer;
import ai.paperclip.db.testing.SharedPostgres;
import ai.paperclip.schema.ddl.PostgresDdl;
import ai.paperclip.schema.model.SchemaModel;
import ai.paperclip.schema.model.TableModel;
import ai.paperclip.schema.core.PaperclipSchema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A database built from a model's DDL introspects to that very model, on PostgreSQL 17. */
@ExtendWith(SharedPostgres.class)
class SchemaIntrospectorIT {

    @Test
    void theCoreSchemaAppliedToAFreshDatabaseIntrospectsToTheCoreModel(PostgresServer server) throws Exception {
        SchemaModel model = PaperclipSchema.SCHEMA.model();
        FreshDatabase db = FreshDatabase.on(server);
        db.execute(PostgresDdl.createSchema(model));

        SchemaModel live;
        try (Connection c = db.connect()) {
            live = SchemaIntrospector.introspect(c);
        }

        assertEqualTableByTable(live, model);
    }

    @Test
    void aSchemaUsingEveryFeatureOfTheModelRoundTrips(PostgresServer server) throws Exception {
        SchemaModel model = FeatureSchema.SCHEMA.model();
        FreshDatabase db = FreshDatabase.on(server);
        db.execute(PostgresDdl.createSchema(model));

        SchemaModel live;
        try (Connection c = db.connect()) {
            live = SchemaIntrospector.introspect(c);
        }

        assertEqualTableByTable(live, model);
        TableModel user = live.table("user").orElseThrow();
        assertThat(user.column("id").orElseThrow().defaultExpression()).isEqualTo("nextval('user_id_seq'::regclass)");
        assertThat(user.uniqueConstraints().get(0).nullsNotDistinct()).isTrue();
    }

    @Test
    void leavesOutLiquibaseTablesAndPlpgsqlAndRestoresTheSearchPath(PostgresServer server) throws Exception {
        FreshDatabase db = FreshDatabase.on(server);
        db.execute("CREATE TABLE databasechangelog (id text)", "CREATE TABLE databasechangeloglock (id int)",
                "CREATE TABLE notes (id int)");

        try (Connection c = db.connect()) {
            c.createStatement().execute("SET search_path TO pg_temp, public");
            SchemaModel live = SchemaIntrospector.introspect(c);

            assertThat(live.tables()).extracting(TableModel::name).containsExactly("notes");
            assertThat(live.extensions()).isEmpty();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW search_path")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("pg_temp, public");
            }
        }
    }

    @Test
    void readsAnotherSchemaWithItsOwnNamesUnqualified(PostgresServer server) throws Exception {
        FreshDatabase db = FreshDatabase.on(server);
        db.execute("CREATE SCHEMA app", "CREATE TABLE app.counters (id serial PRIMARY KEY, n integer DEFAULT 1)",
                "CREATE TABLE public.elsewhere (id int)");

        try (Connection c = db.connect()) {
            SchemaModel live = SchemaIntrospector.introspect(c, "app");

            assertThat(live.tables()).extracting(TableModel::name).containsExactly("counters");
            assertThat(live.table("counters").orElseThrow().column("id").orElseThrow().defaultExpression())
                    .isEqualTo("nextval('counters_id_seq'::regclass)");
        }
    }

    @Test
    void reportsAnExtensionTheSchemaUsesEvenWhenItIsInstalledInAnotherSchema(PostgresServer server) throws Exception {
        FreshDatabase db = FreshDatabase.on(server);
        db.execute("CREATE SCHEMA extensions", "CREATE EXTENSION pg_trgm SCHEMA extensions",
                "CREATE TABLE docs (body text)", "CREATE INDEX docs_body_idx ON docs USING gin (body extensions.gin_trgm_ops)");

        try (Connection c = db.connect()) {
            assertThat(SchemaIntrospector.introspect(c).extensions()).containsExactly("pg_trgm");
            assertThat(SchemaIntrospector.introspect(c, "extensions").tables()).isEmpty();
        }
    }

    @Test
    void namesAMissingSchema(PostgresServer server) throws Exception {
        FreshDatabase db = FreshDatabase.on(server);
        try (Connection c = db.connect()) {
            IntrospectionException e = catchThrowableOfType(IntrospectionException.class,
                    () -> SchemaIntrospector.introspect(c, "nowhere"));

            assertThat(e).hasMessage("Schema \"nowhere\" does not exist in database " + db.name()
                    + ". Create it, or name the schema the tables live in.");
            assertThat(e.sqlState()).isEqualTo("3F000");
        }
    }

    static void assertEqualTableByTable(SchemaModel live, SchemaModel model) {
        assertThat(live.tables()).extracting(TableModel::name)
                .containsExactlyElementsOf(model.tables().stream().map(TableModel::name).toList());
        for (TableModel table : model.tables()) {
            TableModel read = live.table(table.name()).orElseThrow();
            assertThat(read.columns()).as("columns of %s", table.name()).containsExactlyElementsOf(table.columns());
            assertThat(read).as("table %s", table.name()).isEqualTo(table);
        }
        assertThat(live.extensions()).isEqualTo(model.extensions());
        assertThat(live).isEqualTo(model);
    }
}
