package ai.paperclip.embedded.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExtensionPerClassIT {

    @RegisterExtension
    static final EmbeddedPostgresExtension PG = EmbeddedPostgresExtension.builder()
            .template("notes", Templates::createNotes)
            .build();

    @Test
    @Order(1)
    void theClassDatabaseIsACopyOfTheTemplate(TestDatabase db) throws Exception {
        assertThat(db.name()).startsWith("t_extensionperclassit_");
        assertThat(PG.database()).isEqualTo(db);
        assertThat(Templates.notes(db)).containsExactly("from the template");
        try (Connection c = db.openConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO notes VALUES ('written by test 1')");
        }
    }

    @Test
    @Order(2)
    void testsOfOneClassShareItsDatabase(TestDatabase db) throws Exception {
        assertThat(Templates.notes(db)).containsExactly("from the template", "written by test 1");
    }

    @Test
    @Order(3)
    void theTemplateItselfIsUntouched(TestDatabase db) throws Exception {
        try (Connection c = db.openConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT datistemplate FROM pg_database WHERE datname = 'template_notes'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).isTrue();
        }
    }
}
