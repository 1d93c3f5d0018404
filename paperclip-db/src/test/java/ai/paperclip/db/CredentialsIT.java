package ai.paperclip.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.paperclip.db.secrets.AgentApiKeys;
import ai.paperclip.db.secrets.CompanySecrets;
import ai.paperclip.db.secrets.MasterKey;
import ai.paperclip.db.testing.LogCapture;
import ai.paperclip.db.testing.SelfSignedCertificate;
import ai.paperclip.embedded.EmbeddedPostgres;
import ai.paperclip.embedded.EmbeddedPostgresOptions;
import ai.paperclip.embedded.InstanceHome;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server's credentials and what protects them: password authentication only, loopback
 * only, private directories and key files, TLS when asked for, and no password in any log line of a run.
 */
class CredentialsIT {

    /** Reserved URL characters on purpose, and unique enough to grep for. */
    private static final String PASSWORD = "Tls!Pa55@w0rd/Zq7";

    @TempDir
    Path home;

    @Test
    void theEmbeddedServerUsesPasswordsListensOnLoopbackAndKeepsItsFilesPrivate() throws Exception {
        int port = freePort();
        // config.json elsewhere (PAPERCLIP_CONFIG), so that the library itself creates the instance directory.
        Path config = Files.createDirectories(home.resolve("config")).resolve("config.json");
        Files.writeString(config, "{\"database\":{\"embeddedPostgresPort\":" + port + "}}");
        Map<String, String> env = Map.of("PAPERCLIP_HOME", home.resolve("paperclip").toString(), "PAPERCLIP_CONFIG", config.toString());
        InstanceHome instance = InstanceHome.fromEnvironment(env);

        try (PaperclipDb db = PaperclipDb.fromEnvironment(env)) {
            assertThat(db.dsl().fetch("select distinct auth_method from pg_hba_file_rules where error is null")
                    .getValues(0, String.class)).isNotEmpty().doesNotContain("trust");
            assertThat(db.dsl().fetchValue("show listen_addresses")).isEqualTo("127.0.0.1");
            assertThat(db.dsl().fetchValue("show unix_socket_directories")).isEqualTo("");
            assertThat(db.dsl().fetchValue("show password_encryption")).isEqualTo("scram-sha-256");
            assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/paperclip",
                    "paperclip", "not-the-password").close())
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));

            MasterKey masterKey = MasterKey.fromEnvironment(env, instance);
            assertThat(masterKey.fingerprint()).hasSize(12);
        }

        for (Path directory : List.of(home.resolve("paperclip"), instance.instanceDirectory(), instance.secretsDirectory(), instance.logsDirectory(),
                instance.instanceDirectory().resolve("data"), instance.defaultBackupDirectory(), instance.defaultDataDirectory())) {
            assertThat(mode(directory)).as(directory.toString()).isEqualTo("rwx------");
        }
        assertThat(mode(instance.secretsDirectory().resolve("master.key"))).isEqualTo("rw-------");
    }

    @Test
    void tlsWorksWithSslmodeRequireAndVerifyFullAndNoPasswordReachesALog() throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.create(home.resolve("tls"));
        SelfSignedCertificate stranger = SelfSignedCertificate.create(home.resolve("stranger"));
        int port = freePort();
        Path data = home.resolve("db");
        EmbeddedPostgresOptions plain = EmbeddedPostgres.builder().instanceHome(InstanceHome.of(home, "tls"))
                .dataDirectory(data).port(port).portAttempts(1).credentials("paperclip", PASSWORD)
                .registerShutdownHook(false).build();
        EmbeddedPostgres.start(plain).close();                      // creates the cluster
        certificate.installInto(data);                               // PostgreSQL's default server.crt / server.key
        EmbeddedPostgresOptions tls = EmbeddedPostgres.builder().instanceHome(InstanceHome.of(home, "tls"))
                .dataDirectory(data).port(port).portAttempts(1).credentials("paperclip", PASSWORD)
                .serverSetting("ssl", "on").registerShutdownHook(false).build();
        String base = "postgres://paperclip:" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "@127.0.0.1:" + port + "/paperclip";
        PaperclipDbOptions options = PaperclipDbOptions.builder().connectTimeout(Duration.ofSeconds(5)).migrationAutoApply(true).build();

        try (EmbeddedPostgres server = EmbeddedPostgres.start(tls)) {
            try (PaperclipDb db = PaperclipDb.create(base + "?sslmode=require", options)) {
                assertThat(sslInUse(db)).isTrue();
            }
            try (PaperclipDb db = PaperclipDb.create(base + "?sslmode=verify-full&sslrootcert=" + certificate.certificate(), options)) {
                assertThat(sslInUse(db)).isTrue();
                // A full run: keys, secrets, and the options and target as they are printed.
                UUID company = db.dsl().fetchSingle("insert into companies (name, issue_prefix) values ('Tls', 'TLS') returning id").get(0, UUID.class);
                UUID agent = db.dsl().fetchSingle("insert into agents (company_id, name) values (?, 'A') returning id", company).get(0, UUID.class);
                AgentApiKeys.of(db).authenticate(AgentApiKeys.of(db).create(company, agent, "k").token()).orElseThrow();
                MasterKey key = MasterKey.fromEnvironment(Map.of(), InstanceHome.of(home, "tls"));
                CompanySecrets secrets = CompanySecrets.of(db, key);
                assertThat(secrets.resolve(secrets.create(company, "DB_PASSWORD", PASSWORD))).isEqualTo(PASSWORD);
                assertThat(List.of(db.toString(), db.options().toString(), server.toString(),
                        DatabaseTarget.url(base).describe(), key.toString())).allSatisfy(text -> assertNoPassword(text));
            }
            assertThatThrownBy(() -> PaperclipDb.create(base + "?sslmode=verify-full&sslrootcert=" + stranger.certificate(), options))
                    .isInstanceOf(ConnectionFailedException.class)
                    .satisfies(e -> assertNoPassword(e.getMessage()));
            assertThatThrownBy(() -> PaperclipDb.create(base.replace(URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8), "wrong")
                    + "?sslmode=require", options))
                    .isInstanceOf(ConnectionFailedException.class)
                    .satisfies(e -> assertNoPassword(e.getMessage()));
        }

        assertNoPassword(LogCapture.text());
        assertThat(LogCapture.text()).as("the run was logged at all").contains("Pool 'paperclip' connected");
    }

    private static boolean sslInUse(PaperclipDb db) {
        return db.dsl().fetchSingle("select ssl from pg_stat_ssl where pid = pg_backend_pid()").get(0, Boolean.class);
    }

    private static void assertNoPassword(String text) {
        assertThat(text).doesNotContain(PASSWORD)
                .doesNotContain(URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8))
                .doesNotContain("Pa55@w0rd");
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
