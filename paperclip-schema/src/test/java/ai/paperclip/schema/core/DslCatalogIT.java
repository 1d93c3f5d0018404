package ai.paperclip.schema.core;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.schema.ddl.PostgresDdl;
import ai.paperclip.schema.host.HostSchema;
import ai.paperclip.schema.internal.Names;
import ai.paperclip.schema.model.SchemaModel;
import ai.paperclip.schema.model.TableModel;
import ai.paperclip.schema.testing.CatalogModelReader;
import ai.paperclip.schema.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The DSL's catalog form, proved on PostgreSQL 18 for everything a host can write: every type,
 * literal defaults of every kind, serial and identity columns, composite keys, ON UPDATE rules,
 * NULLS NOT DISTINCT, descending and expression indexes, reserved column names.
 */
class DslCatalogIT {

    @Test
    void aHostSchemaWithEveryFeatureReadsBackFromTheCatalogAsItsOwnModel() throws Exception {
        SchemaModel model = HostSchema.SCHEMA.model();
        try (Connection connection = TestPostgres.freshDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            for (String sql : PostgresDdl.createSchema(model)) {
                statement.execute(sql);
            }

            SchemaModel introspected = CatalogModelReader.read(connection);

            for (TableModel table : model.tables()) {
                TableModel read = introspected.table(table.name()).orElseThrow();
                assertThat(read.columns()).as("columns of %s", table.name()).containsExactlyElementsOf(table.columns());
                assertThat(read).as("table %s", table.name()).isEqualTo(table);
            }
            assertThat(introspected).isEqualTo(model);
        }
    }

    @Test
    void postgresqlCutsALongNameAtTheSameByteAsTheDslEvenInsideAMultibyteCharacter() throws Exception {
        // "fk_cut_" + 55 ASCII bytes = 62 bytes, then "é" straddles the 63-byte limit.
        String column = "a".repeat(55) + "é";
        String fullName = "fk_cut_" + column + "_orders_id_fk";
        try (Connection connection = TestPostgres.freshDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE orders (id bigint PRIMARY KEY)");
            statement.execute("CREATE TABLE fk_cut (\"" + column + "\" bigint)");
            statement.execute("ALTER TABLE fk_cut ADD CONSTRAINT \"" + fullName + "\" FOREIGN KEY (\"" + column
                    + "\") REFERENCES orders(id)");

            try (ResultSet rs = statement.executeQuery("SELECT conname FROM pg_constraint WHERE contype = 'f'")) {
                assertThat(rs.next()).isTrue();
                String stored = rs.getString(1);
                assertThat(stored).isEqualTo("fk_cut_" + "a".repeat(55));
                assertThat(Names.foreignKey("fk_cut", List.of(column), "orders", List.of("id"))).isEqualTo(stored);
            }
        }
    }
}
