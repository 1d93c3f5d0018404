package ai.paperclip.embedded.junit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.embedded.PostgresBinaries;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Other modules test against PostgreSQL 17 (supported) and 14 (refused): the extension serves both. */
class OtherVersionsExtensionIT {

    @RegisterExtension
    static final EmbeddedPostgresExtension PG17 = EmbeddedPostgresExtension.builder()
            .binaries(PostgresBinaries.fromJar(Path.of(System.getProperty("paperclip.test.postgres17.jar"))))
            .build();

    @RegisterExtension
    static final EmbeddedPostgresExtension PG14 = EmbeddedPostgresExtension.builder()
            .binaries(PostgresBinaries.fromJar(Path.of(System.getProperty("paperclip.test.postgres14.jar"))))
            .template("notes", Templates::createNotes)
            .build();

    @RegisterExtension
    static final EmbeddedPostgresExtension PG18 = EmbeddedPostgresExtension.builder().build();

    @Test
    void eachBinariesVersionGetsItsOwnSharedServer() throws Exception {
        assertThat(serverVersion(PG17.database())).startsWith("17.");
        assertThat(serverVersion(PG14.database())).startsWith("14.");
        assertThat(serverVersion(PG18.database())).startsWith("18.");
        assertThat(Set.of(PG17.database().port(), PG14.database().port(), PG18.database().port())).hasSize(3);
        assertThat(PG17.database().version()).startsWith("17.");
        assertThat(Templates.notes(PG14.database())).containsExactly("from the template");
    }

    private static String serverVersion(TestDatabase db) throws Exception {
        try (Connection c = db.openConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
