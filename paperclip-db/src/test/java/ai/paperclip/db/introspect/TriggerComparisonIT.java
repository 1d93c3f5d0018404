package ai.paperclip.db.introspect;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.embedded.junit.EmbeddedPostgresExtension;
import ai.paperclip.embedded.junit.TestDatabase;
import ai.paperclip.schema.Schema;
import ai.paperclip.schema.Table;
import ai.paperclip.schema.ddl.PostgresDdl;
import ai.paperclip.schema.model.SchemaModel;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Triggers in the database: the schema model defines none, so a trigger on a table it defines is a warning
 * (adopt goes ahead, naming it), as an extra foreign key is; one on a table it does not define is covered by
 * that table's own warning.
 */
class TriggerComparisonIT {

    @RegisterExtension
    static final EmbeddedPostgresExtension PG = EmbeddedPostgresExtension.builder().perMethod().build();

    static final class Notes extends Table {
        static final Notes NOTES = new Notes();

        Notes() {
            super("notes");
            text("body").notNull();
        }
    }

    @Test
    void aTriggerTheSchemaDoesNotDefineIsAWarningThatNamesItAndItsDefinition() throws Exception {
        SchemaModel expected = Schema.builder().table(Notes.NOTES).build().model();
        TestDatabase db = PG.database();
        try (Connection c = db.openConnection(); Statement s = c.createStatement()) {
            for (String ddl : PostgresDdl.createSchema(expected)) {
                s.execute(ddl);
            }
            assertThat(SchemaComparison.compare(c, expected).warnings()).isEmpty();

            s.execute("CREATE TABLE audit (body text)");
            s.execute("CREATE FUNCTION notes_audit() RETURNS trigger LANGUAGE plpgsql AS"
                    + " $$ BEGIN INSERT INTO audit VALUES (OLD.body); RETURN OLD; END $$");
            s.execute("CREATE TRIGGER notes_audit AFTER DELETE ON notes FOR EACH ROW EXECUTE FUNCTION notes_audit()");
            s.execute("CREATE TRIGGER audit_noop BEFORE INSERT ON audit FOR EACH ROW EXECUTE FUNCTION notes_audit()");

            ComparisonReport report = SchemaComparison.compare(c, expected);

            assertThat(report.matches()).isTrue();
            assertThat(report.warnings()).extracting(Difference::line)
                    .anyMatch(w -> w.startsWith("trigger notes.notes_audit: not defined by the schema (CREATE TRIGGER"
                            + " notes_audit AFTER DELETE ON public.notes"))
                    .noneMatch(w -> w.startsWith("trigger audit."))
                    .anyMatch(w -> w.startsWith("table audit"));
        }
    }
}
