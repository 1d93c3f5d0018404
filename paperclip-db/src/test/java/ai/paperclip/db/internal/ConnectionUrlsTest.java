package ai.paperclip.db.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.paperclip.db.InvalidUrlException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnectionUrlsTest {

    @Test
    void convertsAFullLibpqUriWithTheCredentialsInPropertiesOnly() {
        ConnectionTarget target = ConnectionUrls.parse("postgres://app:s3cret@db.example.com:6543/paperclip");

        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/paperclip");
        assertThat(target.properties()).containsEntry("user", "app").containsEntry("password", "s3cret");
        assertThat(target.redactedUrl()).isEqualTo("postgres://app:***@db.example.com:6543/paperclip");
        assertThat(target.toString()).doesNotContain("s3cret");
    }

    @Test
    void acceptsThePostgresqlSchemeInAnyCase() {
        assertThat(ConnectionUrls.parse("PostgreSQL://app@h/db").jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db");
    }

    @Test
    void percentDecodesUserPasswordAndDatabase() {
        ConnectionTarget target = ConnectionUrls.parse("postgres://us%65r%40corp:p%40ss%2Fw%3Ard%25%C3%A9@h/my%20db");

        assertThat(target.properties()).containsEntry("user", "user@corp").containsEntry("password", "p@ss/w:rd%é");
        // pgJDBC URL-decodes the database name with URLDecoder, so it is encoded that way.
        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/my+db");
    }

    @Test
    void toleratesAnUnencodedAtSignInThePassword() {
        ConnectionTarget target = ConnectionUrls.parse("postgres://app:p@ss@h:5433/db");

        assertThat(target.properties()).containsEntry("password", "p@ss");
        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5433/db");
    }

    @Test
    void defaultsThePortTo5432AndTheDatabaseToTheUserName() {
        assertThat(ConnectionUrls.parse("postgres://alice:pw@localhost").jdbcUrl())
                .isEqualTo("jdbc:postgresql://localhost:5432/alice");
        assertThat(ConnectionUrls.parse("postgres://alice:pw@localhost/").jdbcUrl())
                .isEqualTo("jdbc:postgresql://localhost:5432/alice");
    }

    @Test
    void keepsIpv6HostsInBrackets() {
        assertThat(ConnectionUrls.parse("postgres://app@[::1]:5433/db").jdbcUrl())
                .isEqualTo("jdbc:postgresql://[::1]:5433/db");
        assertThat(ConnectionUrls.parse("postgres://app@[2001:db8::7]/db").jdbcUrl())
                .isEqualTo("jdbc:postgresql://[2001:db8::7]:5432/db");
    }

    @Test
    void convertsAHostListWithPortsPerHost() {
        assertThat(ConnectionUrls.parse("postgresql://app:pw@host1:5432,host2:5433,[::1]/db").jdbcUrl())
                .isEqualTo("jdbc:postgresql://host1:5432,host2:5433,[::1]:5432/db");
    }

    @Test
    void mapsLibpqParametersToPgjdbcProperties() {
        Properties p = ConnectionUrls.parse("postgres://app:pw@h/db?sslmode=verify-full&sslrootcert=%2Fetc%2Fca.pem"
                + "&application_name=my%20app&options=-c%20search_path%3Dpaperclip&connect_timeout=7"
                + "&target_session_attrs=read-write&load_balance_hosts=random&keepalives=1"
                + "&channel_binding=require&gssencmode=disable").properties();

        assertThat(p).containsEntry("sslmode", "verify-full")
                .containsEntry("sslrootcert", "/etc/ca.pem")
                .containsEntry("ApplicationName", "my app")
                .containsEntry("options", "-c search_path=paperclip")
                .containsEntry("connectTimeout", "7")
                .containsEntry("targetServerType", "primary")
                .containsEntry("loadBalanceHosts", "true")
                .containsEntry("tcpKeepAlive", "true")
                .containsEntry("channelBinding", "require")
                .containsEntry("gssEncMode", "disable");
    }

    @Test
    void takesUserPasswordAndDatabaseFromTheQueryToo() {
        ConnectionTarget target = ConnectionUrls.parse("postgres://h:5432?user=app&password=p%26w&dbname=other");

        assertThat(target.properties()).containsEntry("user", "app").containsEntry("password", "p&w");
        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/other");
        assertThat(target.redactedUrl()).isEqualTo("postgres://h:5432?user=app&password=***&dbname=other");
    }

    @Test
    void usesFallbackApplicationNameOnlyWithoutApplicationName() {
        assertThat(ConnectionUrls.parse("postgres://a@h/d?fallback_application_name=fb").properties())
                .containsEntry("ApplicationName", "fb");
        assertThat(ConnectionUrls.parse("postgres://a@h/d?fallback_application_name=fb&application_name=x")
                .properties()).containsEntry("ApplicationName", "x");
    }

    @Test
    void takesJdbcUrlsAsTheyAreButMovesThePasswordIntoTheProperties() {
        String url = "jdbc:postgresql://h1:5432,h2:5433/db?user=app&password=p%40w&sslmode=require";
        ConnectionTarget target = ConnectionUrls.parse(url);

        // pgJDBC and HikariCP log the URL they are given: it must hold no password.
        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://h1:5432,h2:5433/db?user=app&sslmode=require");
        assertThat(target.properties()).containsExactly(java.util.Map.entry("password", "p@w"));
        assertThat(target.redactedUrl()).isEqualTo("jdbc:postgresql://h1:5432,h2:5433/db?user=app&password=***&sslmode=require");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "jdbc:postgresql://app:Secret1@h/db          | takes its password as a parameter",
        "jdbc:postgresql://app:Sec?ret1@h/db         | takes its password as a parameter",
        "jdbc:postgresql:app:Sec?ret1@h/db           | takes its password as a parameter",
        "jdbc:postgresql://h/db;password=Secret1     | takes its password as a parameter",
    })
    void refusesAPasswordWhereItWouldBeReadAsSomethingElse(String url, String problem) {
        assertThatThrownBy(() -> ConnectionUrls.parse(url))
                .isInstanceOf(InvalidUrlException.class)
                .hasMessageContaining(problem)
                .hasMessageNotContaining("Sec")
                .hasMessageNotContaining("ret1");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "postgres://app:Sec?ret1@h/db            | Sec?ret1",
        "postgres://app:Sec/r?et@1@h/db          | Sec/r?et@1",
        "postgres://app:Sec?r=et@h/db                    | Sec?r=et",
        "postgres://app:Sec@ret@h:5432/db?options=a@b    | Sec@ret",
    })
    void takesAPasswordWithUnencodedAtSlashAndQuestionMark(String url, String password) {
        ConnectionTarget target = ConnectionUrls.parse(url);

        assertThat(target.properties()).containsEntry("password", password);
        assertThat(target.jdbcUrl()).startsWith("jdbc:postgresql://h:5432/db");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "mysql://app:pw@h/db             | the scheme 'mysql:' is not supported",
        "localhost:5432/db               | the scheme 'localhost:' is not supported",
        "just words                      | the scheme (none) is not supported",
        "postgres://app:pw@h:abc/db      | the port 'abc' of host h is not a number from 1 to 65535",
        "postgres://app:pw@h:0/db        | the port '0' of host h is not a number from 1 to 65535",
        "postgres://app:pw@h:65536/db    | the port '65536' of host h is not a number from 1 to 65535",
        "postgres://app:pw@h:/db         | the port '' of host h is not a number from 1 to 65535",
        "postgres://app:pw@/db           | it names no host",
        "postgres:///db                  | it names no host",
        "postgres://app:pw@h1,,h2/db     | a host in the host list is empty",
        "postgres://app:pw@%2Ftmp/db     | is a Unix-domain socket directory",
        "postgres://app:pw@::1/db        | write IPv6 addresses in brackets",
        "postgres://app:pw@[::1/db       | has no closing ']'",
        "postgres://app:pw@[::1]x/db     | unexpected 'x' after the IPv6 host [::1]",
        "postgres://app:pw@h/d%zzb       | the database name 'd%zzb' has bad percent-encoding",
        "postgres://ap%4@h/db            | the user name 'ap%4' has bad percent-encoding",
        "postgres://app:pw@h/db#frag     | a URL fragment is not allowed",
        "postgres://h/db                 | it names no user",
        "postgres://app:pw@h/db?foo=1    | the parameter 'foo' is not supported; supported: user, password",
        "postgres://app:pw@h/db?sslmode  | the parameter 'sslmode' has no value",
        "postgres://app:pw@h/db?=x       | a parameter has an empty name",
        "postgres://app:pw@h/db?sslmode=required | sslmode 'required' is not one of allow, disable, prefer, require, verify-ca, verify-full",
        "postgres://app:pw@h/db?target_session_attrs=master | target_session_attrs 'master' is not one of",
        "postgres://app:pw@h/db?connect_timeout=soon | connect_timeout 'soon' is not a number of seconds",
        "postgres://app:pw@h/db?keepalives=yes | keepalives 'yes' is not one of 0, 1",
        "jdbc:postgresql://h:notaport/db | pgJDBC cannot parse it",
    })
    void refusesMalformedUrlsSayingWhatIsWrong(String url, String problem) {
        assertThatThrownBy(() -> ConnectionUrls.parse(url))
                .isInstanceOf(InvalidUrlException.class)
                .hasMessageContaining(problem)
                .hasMessageNotContaining(":pw@");
    }

    @Test
    void refusesAnEmptyUrlWithTheExpectedForm() {
        assertThatThrownBy(() -> ConnectionUrls.parse("  "))
                .isInstanceOf(InvalidUrlException.class)
                .hasMessage("The database URL is empty. Set it to postgres://USER:PASSWORD@HOST:PORT/DATABASE"
                        + " or a jdbc:postgresql: URL.");
    }

    @Test
    void showsTheUrlWithThePasswordMaskedInErrors() {
        assertThatThrownBy(() -> ConnectionUrls.parse("postgres://app:hunter2@db:99999/x"))
                .hasMessage("Invalid database URL postgres://app:***@db:99999/x: the port '99999' of host db"
                        + " is not a number from 1 to 65535.");
    }

    @Test
    void neverEchoesABadlyEncodedPassword() {
        assertThatThrownBy(() -> ConnectionUrls.parse("postgres://app:hun%ter2@db/x"))
                .hasMessageContaining("the password has bad percent-encoding")
                .hasMessageNotContaining("hun")
                .hasMessageNotContaining("ter2");
        assertThatThrownBy(() -> ConnectionUrls.parse("postgres://app@db/x?password=hun%zzter2"))
                .hasMessageContaining("the value of password has bad percent-encoding")
                .hasMessageNotContaining("hun");
    }
}
