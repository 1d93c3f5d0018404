package ai.paperclip.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.paperclip.db.internal.ConnectionTarget;
import ai.paperclip.db.internal.ReadUrls;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The replica, monitoring and statement-timeout settings: defaults, environment, validation, URL splitting. */
class ReplicaOptionsTest {

    @Test
    void defaultsAreTheNamedConstants() {
        PaperclipDbOptions o = PaperclipDbOptions.defaults();
        assertThat(o.readUrl()).isEmpty();
        assertThat(o.readPoolMax()).isEqualTo(PaperclipDbOptions.DEFAULT_READ_POOL_MAX);
        assertThat(o.replicaMaxLag()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.readYourWritesTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(o.statementTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(o.connectionWarnPercent()).isEqualTo(80);
        assertThat(o.meterRegistry()).isEmpty();
    }

    @Test
    void readsTheEnvironmentAndOursWinsOverUpstreamsStatementTimeout() {
        PaperclipDbOptions o = PaperclipDbOptions.fromEnvironment(Map.of(
                "DATABASE_READ_URL", "postgres://u:secret@r1:5432/db",
                "DATABASE_READ_POOL_MAX", "4",
                "DATABASE_REPLICA_MAX_LAG_SECONDS", "30",
                "DATABASE_READ_YOUR_WRITES_TIMEOUT_MS", "0",
                "PAPERCLIP_DB_STATEMENT_TIMEOUT_MS", "1000",
                "DATABASE_STATEMENT_TIMEOUT_MS", "2000",
                "DATABASE_CONNECTION_WARN_PERCENT", "90"));
        assertThat(o.readUrl()).hasValue("postgres://u:secret@r1:5432/db");
        assertThat(o.readPoolMax()).isEqualTo(4);
        assertThat(o.replicaMaxLag()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.readYourWritesTimeout()).isZero();
        assertThat(o.statementTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(o.connectionWarnPercent()).isEqualTo(90);
        assertThat(o.toString()).doesNotContain("secret");
        assertThat(PaperclipDbOptions.fromEnvironment(Map.of("PAPERCLIP_DB_STATEMENT_TIMEOUT_MS", "1500"))
                .statementTimeout()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void badValuesAreRefusedNamingTheVariable() {
        assertThatThrownBy(() -> PaperclipDbOptions.fromEnvironment(Map.of("DATABASE_STATEMENT_TIMEOUT_MS", "1s")))
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("DATABASE_STATEMENT_TIMEOUT_MS='1s'");
        assertThatThrownBy(() -> PaperclipDbOptions.builder().connectionWarnPercent(101).build())
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining("connectionWarnPercent (DATABASE_CONNECTION_WARN_PERCENT)");
        assertThatThrownBy(() -> PaperclipDbOptions.builder().statementTimeout(Duration.ofMillis(-1)).build())
                .hasMessageContaining("statementTimeout (DATABASE_STATEMENT_TIMEOUT_MS)");
        assertThatThrownBy(() -> PaperclipDbOptions.builder().replicaMaxLag(Duration.ZERO).build())
                .hasMessageContaining("replicaMaxLag (DATABASE_REPLICA_MAX_LAG_SECONDS) must be positive");
        assertThatThrownBy(() -> PaperclipDbOptions.builder().meterRegistry("not a registry").build())
                .hasMessageContaining("io.micrometer.core.instrument.MeterRegistry");
        assertThatThrownBy(() -> PaperclipDbOptions.builder().readUrl("mysql://u:hunter2@h/db").build())
                .isInstanceOf(InvalidUrlException.class).hasMessageContaining("DATABASE_READ_URL")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void zeroTurnsTheConnectionWarningOffAndBackupsAreReportedOnlyWithADirectory() {
        assertThat(PaperclipDbOptions.fromEnvironment(Map.of("DATABASE_CONNECTION_WARN_PERCENT", "0"))
                .connectionWarnPercent()).isZero();
        assertThatThrownBy(() -> PaperclipDbOptions.fromEnvironment(Map.of("DATABASE_CONNECTION_WARN_PERCENT", "-1")))
                .hasMessageContaining("DATABASE_CONNECTION_WARN_PERCENT='-1'").hasMessageContaining("0 (off)");
        PaperclipDbOptions defaults = PaperclipDbOptions.defaults();
        assertThat(defaults.backupDirectory()).isEmpty();
        assertThat(defaults.backupInterval()).isEqualTo(PaperclipDbOptions.DEFAULT_BACKUP_INTERVAL);
        assertThat(PaperclipDbOptions.builder().backupDirectory(java.nio.file.Path.of("rel")).build().backupDirectory()
                .orElseThrow()).isAbsolute();
        assertThatThrownBy(() -> PaperclipDbOptions.builder().backupInterval(Duration.ZERO).build())
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("backupInterval must be positive");
    }

    @Test
    void aHostListAndSeveralUrlsAreOneReplicaEach() {
        List<ConnectionTarget> hosts = ReadUrls.split("postgres://u:p%40ss@r1:5433,r2/app?sslmode=disable");
        assertThat(hosts).extracting(ConnectionTarget::jdbcUrl).containsExactly(
                "jdbc:postgresql://r1:5433/app", "jdbc:postgresql://r2:5432/app");
        assertThat(hosts).allSatisfy(t -> assertThat(t.properties().getProperty("sslmode")).isEqualTo("disable"));
        assertThat(hosts).allSatisfy(t -> assertThat(t.properties().getProperty("password")).isEqualTo("p@ss"));
        assertThat(hosts).extracting(ReadUrls::hostOf).containsExactly("r1:5433", "r2:5432");

        List<ConnectionTarget> urls = ReadUrls.split(
                "postgres://a:1@r1/app, jdbc:postgresql://r2:6000/app?user=b&password=2,postgresql://c:3@r3:7000/app");
        assertThat(urls).extracting(ReadUrls::hostOf).containsExactly("r1:5432", "r2:6000", "r3:7000");
        assertThat(urls).extracting(t -> t.properties().getProperty("user")).containsExactly("a", null, "c");
        assertThat(urls.get(1).jdbcUrl()).isEqualTo("jdbc:postgresql://r2:6000/app?user=b");
        assertThat(urls.get(1).properties().getProperty("password")).isEqualTo("2");
        assertThat(urls).allSatisfy(t -> assertThat(t.redactedUrl()).doesNotContain(":1@", "password=2", ":3@"));
    }

    @Test
    void writeTokensRoundTripAsPostgresWritesLsns() {
        WriteToken token = WriteToken.parse("16/B374D848");
        assertThat(token.position()).isEqualTo(0x16B374D848L);
        assertThat(token).hasToString("16/B374D848");
        assertThat(WriteToken.parse(token.toString())).isEqualTo(token);
        assertThat(WriteToken.of(0)).isSameAs(WriteToken.NONE);
        assertThat(token.max(WriteToken.NONE)).isSameAs(token);
        assertThatThrownBy(() -> WriteToken.parse("not/a token")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16/B374D848");
    }
}
