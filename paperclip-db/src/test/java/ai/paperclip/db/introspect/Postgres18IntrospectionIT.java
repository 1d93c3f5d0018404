package ai.paperclip.db.introspect;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.db.introspect.features.FeatureSchema;
import ai.paperclip.embedded.junit.EmbeddedPostgresExtension;
import ai.paperclip.embedded.junit.TestDatabase;
import ai.paperclip.schema.core.PaperclipSchema;
import ai.paperclip.schema.ddl.PostgresDdl;
import ai.paperclip.schema.host.HostSchema;
import ai.paperclip.schema.model.SchemaModel;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The same round trip on PostgreSQL 18 (the embedded default, started by the project's own test extension),
 * which records NOT NULL as named constraints that the introspector must ignore; and paperclip-schema's host
 * schema, which uses every feature of the DSL (every type, literal defaults of every kind, serial and identity
 * columns, composite keys, ON UPDATE rules, NULLS NOT DISTINCT, descending and expression indexes, reserved
 * column names), reads back as its own model.
 */
class Postgres18IntrospectionIT {

    @RegisterExtension
    static final EmbeddedPostgresExtension PG = EmbeddedPostgresExtension.builder().perMethod().build();

    @Test
    void theCoreTheFeatureAndTheHostSchemasRoundTripOnPostgres18() throws Exception {
        for (SchemaModel model : List.of(PaperclipSchema.SCHEMA.model(), FeatureSchema.SCHEMA.model(),
                HostSchema.SCHEMA.model())) {
            TestDatabase database = PG.newDatabase();
            try (Connection c = database.openConnection(); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT current_setting('server_version_num')::int")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("server_version_num").isBetween(180000, 189999);
                }
                for (String sql : PostgresDdl.createSchema(model)) {
                    s.execute(sql);
                }

                SchemaModel introspected = SchemaIntrospector.introspect(c);

                SchemaIntrospectorIT.assertEqualTableByTable(introspected, model);
                assertThat(introspected).isEqualTo(model);
            }
        }
    }
}
