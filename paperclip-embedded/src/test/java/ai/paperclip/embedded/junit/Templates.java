package ai.paperclip.embedded.junit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A tiny "migration" for the template database, and a reader for its table. */
final class Templates {

    private Templates() {
    }

    static void createNotes(TestDatabase template) throws SQLException {
        try (Connection c = template.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE notes (body text)");
            s.execute("INSERT INTO notes VALUES ('from the template')");
        }
    }

    static List<String> notes(TestDatabase db) throws SQLException {
        List<String> bodies = new ArrayList<>();
        try (Connection c = db.openConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT body FROM notes ORDER BY body")) {
            while (rs.next()) {
                bodies.add(rs.getString(1));
            }
        }
        return bodies;
    }
}
