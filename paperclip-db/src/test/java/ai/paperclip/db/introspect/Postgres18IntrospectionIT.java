package ai.paperclip.db.introspect;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.db.introspect.features.FeatureSchema;
import ai.paperclip.schema.ddl.PostgresDdl;
import ai.paperclip.schema.model.SchemaModel;
import ai.paperclip.schema.core.PaperclipSchema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same round trip on PostgreSQL 18 (the embedded default; its binaries are the ones on the test
 * classpath), which records NOT NULL as named constraints that the introspector must ignore.
 */
class Postgres18IntrospectionIT {

    private static EmbeddedPostgres postgres18;

    @BeforeAll
    static void startPostgres18() throws Exception {
        postgres18 = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres18() throws Exception {
        if (postgres18 != null) {
            postgres18.close();
        }
    }

    @Test
    void theCoreAndTheFeatureSchemasRoundTripOnPostgres18() throws Exception {
        for (SchemaModel model : List.of(PaperclipSchema.SCHEMA.model(), FeatureSchema.SCHEMA.model())) {
            String database = model.tables().size() == 13 ? "core" : "features";
            try (Connection admin = postgres18.getPostgresDatabase().getConnection(); Statement s = admin.createStatement()) {
                s.execute("CREATE DATABASE " + database);
            }
            try (Connection c = postgres18.getDatabase("postgres", database).getConnection();
                 Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT current_setting('server_version_num')::int")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("server_version_num").isBetween(180000, 189999);
                }
                for (String sql : PostgresDdl.createSchema(model)) {
                    s.execute(sql);
                }

                SchemaIntrospectorIT.assertEqualTableByTable(SchemaIntrospector.introspect(c), model);
            }
        }
    }
}
