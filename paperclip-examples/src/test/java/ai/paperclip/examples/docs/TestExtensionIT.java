package ai.paperclip.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.db.migration.Migrator;
import ai.paperclip.embedded.junit.EmbeddedPostgresExtension;
import ai.paperclip.embedded.junit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * docs/testing.md: the test extension with plain JDBC, one database per test class. The template name is
 * {@code TestingWithPaperclipIT}'s, so the run migrates one template for both.
 */
class TestExtensionIT {

    @RegisterExtension
    static final EmbeddedPostgresExtension PG = EmbeddedPostgresExtension.builder()
            .template("paperclip_migrated", db -> Migrator.configure().dataSource(db.dataSource()).load()
                    .migrate())                    // once per server
            .build();

    @Test
    void storesACompany(TestDatabase db) throws SQLException {              // or PG.database()
        try (Connection c = db.openConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("insert into companies (name, issue_prefix) values ('Initech', 'INI')");
            try (ResultSet rows = s.executeQuery("select issue_prefix from companies")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("INI");
            }
        }
    }
}
