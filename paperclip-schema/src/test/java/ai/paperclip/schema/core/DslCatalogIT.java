package ai.paperclip.schema.core;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.embedded.junit.EmbeddedPostgresExtension;
import ai.paperclip.schema.internal.Names;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The DSL's names as PostgreSQL stores them, on PostgreSQL 18. (That a host schema using every feature
 * of the DSL reads back from the catalog as its own model is paperclip-db's HostSchemaIntrospectionIT,
 * with the library's introspector.)
 */
class DslCatalogIT {

    @RegisterExtension
    static final EmbeddedPostgresExtension PG = EmbeddedPostgresExtension.builder().perMethod().build();

    @Test
    void postgresqlCutsALongNameAtTheSameByteAsTheDslEvenInsideAMultibyteCharacter() throws Exception {
        // "fk_cut_" + 55 ASCII bytes = 62 bytes, then "é" straddles the 63-byte limit.
        String column = "a".repeat(55) + "é";
        String fullName = "fk_cut_" + column + "_orders_id_fk";
        try (Connection connection = PG.database().openConnection();
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
