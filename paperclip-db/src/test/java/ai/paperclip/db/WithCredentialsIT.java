package ai.paperclip.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.paperclip.embedded.junit.EmbeddedPostgresExtension;
import ai.paperclip.embedded.junit.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link DatabaseUrls#withCredentials}: what a Testcontainers container gives (a jdbc URL without credentials, a
 * user, a password) opens a {@link PaperclipDb}, whatever characters the password has, and the password shows
 * nowhere. The container here is the project's embedded server, which hands out the same three values.
 */
class WithCredentialsIT {

    private static final String USER = "tc_user";
    private static final String PASSWORD = "p&ss=w%rd@+?#/ é";

    @RegisterExtension
    static final EmbeddedPostgresExtension PG = EmbeddedPostgresExtension.builder().perMethod().build();

    @Test
    void aJdbcUrlAUserAndAPasswordOpenAMigratedDatabase() throws Exception {
        TestDatabase db = PG.database();
        try (Connection c = db.openConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + USER + " LOGIN SUPERUSER PASSWORD '" + PASSWORD + "'");
        }
        String url = DatabaseUrls.withCredentials(db.jdbcUrl(), USER, PASSWORD);

        assertThat(DatabaseUrls.redact(url)).doesNotContain(PASSWORD).doesNotContain("p%26ss");
        try (PaperclipDb paperclip = PaperclipDb.create(url, PaperclipDbOptions.defaults())) {
            assertThat(paperclip.dsl().fetchValue("SELECT current_user")).isEqualTo(USER);
            assertThat(paperclip.dsl().fetchValue("SELECT count(*) FROM companies")).isEqualTo(0L);
        }
    }

    @Test
    void aUrlOfAnotherFormOrWithCredentialsAlreadyIsRefusedNamingWhatToGive() {
        assertThatThrownBy(() -> DatabaseUrls.withCredentials("postgres://h:5432/d", "u", "secret-1"))
                .isInstanceOf(InvalidUrlException.class).hasMessageContaining("jdbc:postgresql:")
                .hasMessageNotContaining("secret-1");
        assertThatThrownBy(() -> DatabaseUrls.withCredentials("jdbc:postgresql://h/d?password=old-2", "u", "secret-1"))
                .isInstanceOf(InvalidUrlException.class).hasMessageContaining("already has a password parameter")
                .hasMessageNotContaining("old-2").hasMessageNotContaining("secret-1");
        assertThat(DatabaseUrls.withCredentials("jdbc:postgresql://h/d?sslmode=require", "u", "s"))
                .isEqualTo("jdbc:postgresql://h/d?sslmode=require&user=u&password=s");
    }
}
