package ai.paperclip.embedded.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

class ExtensionPerMethodIT {

    private static final List<String> EARLIER = new CopyOnWriteArrayList<>();

    @RegisterExtension
    static final EmbeddedPostgresExtension PG = EmbeddedPostgresExtension.builder()
            .template("notes", Templates::createNotes)
            .perMethod()
            .build();

    @RepeatedTest(3)
    void everyTestGetsAFreshCopyOfTheTemplateAndEarlierOnesAreDropped(TestDatabase db) throws Exception {
        assertThat(EARLIER).doesNotContain(db.name());
        assertThat(Templates.notes(db)).containsExactly("from the template");
        try (Connection c = db.openConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO notes VALUES ('written by " + db.name() + "')");
        }
        try (Connection c = db.openConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pg_database WHERE datname = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", EARLIER.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
        EARLIER.add(db.name());
    }
}
