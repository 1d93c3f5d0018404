package ai.paperclip.embedded.junit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.embedded.PostgresBinaries;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class Postgres17ExtensionIT {

    @RegisterExtension
    static final EmbeddedPostgresExtension PG17 = EmbeddedPostgresExtension.builder()
            .binaries(PostgresBinaries.fromJar(Path.of(System.getProperty("paperclip.test.postgres17.jar"))))
            .build();

    @RegisterExtension
    static final EmbeddedPostgresExtension PG18 = EmbeddedPostgresExtension.builder().build();

    @Test
    void eachBinariesVersionGetsItsOwnSharedServer() throws Exception {
        assertThat(serverVersion(PG17.database())).startsWith("17.");
        assertThat(serverVersion(PG18.database())).startsWith("18.");
        assertThat(PG17.database().port()).isNotEqualTo(PG18.database().port());
        assertThat(PG17.database().version()).startsWith("17.");
    }

    private static String serverVersion(TestDatabase db) throws Exception {
        try (Connection c = db.openConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
