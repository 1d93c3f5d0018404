package ai.paperclip.schema.core;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.embedded.junit.EmbeddedPostgresExtension;
import ai.paperclip.schema.ddl.PostgresDdl;
import ai.paperclip.schema.testing.IndependentCatalogReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract of the core schema: the DDL rendered from the Java tables, applied to a real
 * PostgreSQL 18, leaves exactly the catalog of Paperclip's core schema. The expected listing
 * (src/test/resources/core-schema-catalog.txt) is this repository's golden listing of that schema,
 * written from upstream Paperclip's tables, not from the Java code; every column, constraint and
 * index must match, nothing more and nothing less. (That the core model reads back from this catalog
 * as itself is paperclip-db's SchemaIntrospectorIT.)
 */
class CoreSchemaCatalogIT {

    @RegisterExtension
    static final EmbeddedPostgresExtension PG = EmbeddedPostgresExtension.builder().build();

    private static Connection connection;

    @BeforeAll
    static void applyTheCoreSchema() throws SQLException {
        connection = PG.database().openConnection();
        try (Statement statement = connection.createStatement()) {
            for (String sql : PostgresDdl.createSchema(PaperclipSchema.SCHEMA.model())) {
                statement.execute(sql);
            }
        }
    }

    @Test
    void theCatalogIsExactlyTheDocumentedCoreSchema() throws Exception {
        String expected = resource("/core-schema-catalog.txt");

        String actual = IndependentCatalogReader.listing(connection);

        List<String> expectedLines = expected.lines().toList();
        List<String> actualLines = actual.lines().toList();
        assertThat(actualLines).as("in the database but not in the golden listing").isSubsetOf(expectedLines);
        assertThat(expectedLines).as("in the golden listing but not in the database").isSubsetOf(actualLines);
        assertThat(actualLines).as("the whole listing, in order").containsExactlyElementsOf(expectedLines);
    }

    @AfterAll
    static void closeTheConnection() throws SQLException {
        connection.close();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = CoreSchemaCatalogIT.class.getResourceAsStream(name)) {
            assertThat(in).as("test resource %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
