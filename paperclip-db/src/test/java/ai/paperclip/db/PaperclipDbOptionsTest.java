package ai.paperclip.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PaperclipDbOptionsTest {

    @Test
    void hasTheDocumentedDefaults() {
        PaperclipDbOptions o = PaperclipDbOptions.defaults();

        assertThat(o.poolMax()).isEqualTo(10);
        assertThat(o.connectTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.idleTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(o.preparedStatements()).isTrue();
        assertThat(o.migrationUrl()).isEmpty();
        assertThat(o.applicationName()).isEmpty();
        assertThat(o.logQueries()).isFalse();
        assertThat(o.slowQueryThreshold()).isEmpty();
        assertThat(o.logBindValues()).isFalse();
        assertThat(o.poolName()).isEqualTo("paperclip");
    }

    @Test
    void namesEveryEnvironmentVariableByOneMechanicalRule() {
        Map<String, String> names = EnvironmentSettings.SETTINGS.stream()
                .collect(Collectors.toMap(EnvironmentSettings.Setting::variable,
                        EnvironmentSettings.Setting::builderMethod));

        assertThat(names).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("DATABASE_PREPARED_STATEMENTS", "preparedStatements"),
                Map.entry("DATABASE_POOL_MAX", "poolMax"),
                Map.entry("DATABASE_IDLE_TIMEOUT_SECONDS", "idleTimeout"),
                Map.entry("DATABASE_CONNECT_TIMEOUT_SECONDS", "connectTimeout"),
                Map.entry("DATABASE_MIGRATION_URL", "migrationUrl"),
                Map.entry("DATABASE_READ_URL", "readUrl"),
                Map.entry("DATABASE_READ_POOL_MAX", "readPoolMax"),
                Map.entry("DATABASE_REPLICA_MAX_LAG_SECONDS", "replicaMaxLag"),
                Map.entry("DATABASE_REPLICA_CHECK_INTERVAL_SECONDS", "replicaCheckInterval"),
                Map.entry("DATABASE_READ_YOUR_WRITES_TIMEOUT_MS", "readYourWritesTimeout"),
                Map.entry("DATABASE_STATEMENT_TIMEOUT_MS", "statementTimeout"),
                Map.entry("PAPERCLIP_DB_STATEMENT_TIMEOUT_MS", "statementTimeout"),
                Map.entry("DATABASE_CONNECTION_WARN_PERCENT", "connectionWarnPercent"),
                Map.entry("DATABASE_CONNECTION_WARN_INTERVAL_SECONDS", "connectionWarnInterval"),
                Map.entry("DATABASE_MONITOR_INTERVAL_SECONDS", "monitorInterval"),
                Map.entry("PAPERCLIP_MIGRATION_AUTO_APPLY", "migrationAutoApply"),
                Map.entry("PAPERCLIP_MIGRATION_PROMPT", "migrationPrompt"),
                Map.entry("PAPERCLIP_EMBEDDED_POSTGRES", "embeddedPostgres")));
    }

    @Test
    void readsTheStartUpMigrationPolicyFromTheEnvironmentMap() {
        PaperclipDbOptions o = PaperclipDbOptions.fromEnvironment(Map.of(
                "PAPERCLIP_MIGRATION_AUTO_APPLY", "1", "PAPERCLIP_MIGRATION_PROMPT", "Never"));

        assertThat(o.migrationAutoApply()).isTrue();
        assertThat(o.migrationPrompt()).isEqualTo(ai.paperclip.db.migration.MigrationPrompt.NEVER);
        assertThat(PaperclipDbOptions.defaults().migrationAutoApply()).isFalse();
        assertThat(PaperclipDbOptions.defaults().migrationPrompt()).isEqualTo(ai.paperclip.db.migration.MigrationPrompt.AUTO);
        assertThat(PaperclipDbOptions.defaults().migrate()).isTrue();
    }

    @Test
    void rejectsAnUnknownPromptValueNamingTheVariable() {
        assertThatThrownBy(() -> PaperclipDbOptions.fromEnvironment(Map.of("PAPERCLIP_MIGRATION_PROMPT", "sometimes")))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("PAPERCLIP_MIGRATION_PROMPT='sometimes' is not one of auto, never; fix the variable or leave"
                        + " it empty for the default (builder method migrationPrompt).");
    }

    @Test
    void readsEverySettingFromTheEnvironmentMap() {
        PaperclipDbOptions o = PaperclipDbOptions.fromEnvironment(Map.of(
                "DATABASE_PREPARED_STATEMENTS", "false",
                "DATABASE_POOL_MAX", "25",
                "DATABASE_IDLE_TIMEOUT_SECONDS", "0",
                "DATABASE_CONNECT_TIMEOUT_SECONDS", "5",
                "DATABASE_MIGRATION_URL", "postgres://app:pw@db:5432/paperclip"));

        assertThat(o.preparedStatements()).isFalse();
        assertThat(o.poolMax()).isEqualTo(25);
        assertThat(o.idleTimeout()).isZero();
        assertThat(o.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.migrationUrl()).contains("postgres://app:pw@db:5432/paperclip");
    }

    @ParameterizedTest
    @CsvSource({"true,true", "1,true", "false,false", "0,false", "' true ',true"})
    void acceptsTheFourSpellingsOfPreparedStatements(String value, boolean expected) {
        assertThat(PaperclipDbOptions.fromEnvironment(Map.of("DATABASE_PREPARED_STATEMENTS", value))
                .preparedStatements()).isEqualTo(expected);
    }

    @Test
    void treatsEmptyVariablesAsUnset() {
        PaperclipDbOptions o = PaperclipDbOptions.fromEnvironment(Map.of(
                "DATABASE_PREPARED_STATEMENTS", "", "DATABASE_POOL_MAX", "", "DATABASE_IDLE_TIMEOUT_SECONDS", " ",
                "DATABASE_CONNECT_TIMEOUT_SECONDS", "", "DATABASE_MIGRATION_URL", ""));

        assertThat(o.toString()).isEqualTo(PaperclipDbOptions.defaults().toString());
    }

    @Test
    void letsBuilderCallsOverrideTheEnvironment() {
        PaperclipDbOptions o = PaperclipDbOptions.builder()
                .environment(Map.of("DATABASE_POOL_MAX", "3"))
                .poolMax(7)
                .build();

        assertThat(o.poolMax()).isEqualTo(7);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "DATABASE_PREPARED_STATEMENTS     | yes   | DATABASE_PREPARED_STATEMENTS='yes' is not one of true, false, 1, 0",
        "DATABASE_PREPARED_STATEMENTS     | TRUE  | DATABASE_PREPARED_STATEMENTS='TRUE' is not one of true, false, 1, 0",
        "DATABASE_POOL_MAX                | 0     | DATABASE_POOL_MAX='0' is not a positive integer",
        "DATABASE_POOL_MAX                | -3    | DATABASE_POOL_MAX='-3' is not a positive integer",
        "DATABASE_POOL_MAX                | ten   | DATABASE_POOL_MAX='ten' is not a positive integer",
        "DATABASE_POOL_MAX                | 1.5   | DATABASE_POOL_MAX='1.5' is not a positive integer",
        "DATABASE_POOL_MAX                | 99999999999 | DATABASE_POOL_MAX='99999999999' is not a positive integer",
        "DATABASE_IDLE_TIMEOUT_SECONDS    | 30s   | DATABASE_IDLE_TIMEOUT_SECONDS='30s' is not a whole number of seconds",
        "DATABASE_IDLE_TIMEOUT_SECONDS    | -1    | DATABASE_IDLE_TIMEOUT_SECONDS='-1' is not a whole number of seconds",
        "DATABASE_CONNECT_TIMEOUT_SECONDS | 0     | DATABASE_CONNECT_TIMEOUT_SECONDS='0' is not a positive whole number of seconds",
        "DATABASE_CONNECT_TIMEOUT_SECONDS | abc   | DATABASE_CONNECT_TIMEOUT_SECONDS='abc' is not a positive whole number of seconds",
    })
    void refusesBadEnvironmentValuesNamingTheVariableAndTheValue(String variable, String value, String message) {
        assertThatThrownBy(() -> PaperclipDbOptions.fromEnvironment(Map.of(variable, value)))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageStartingWith(message)
                .hasMessageContaining("leave it empty for the default");
    }

    @Test
    void refusesAnIdleTimeoutHikariWouldIgnoreNamingOptionAndVariable() {
        assertThatThrownBy(() -> PaperclipDbOptions.fromEnvironment(Map.of("DATABASE_IDLE_TIMEOUT_SECONDS", "5")))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessage("idleTimeout (DATABASE_IDLE_TIMEOUT_SECONDS) must be zero (never close idle connections)"
                        + " or at least 10 s; got PT5S.");
    }

    @Test
    void refusesAMalformedMigrationUrlWithThePasswordMasked() {
        assertThatThrownBy(() -> PaperclipDbOptions.fromEnvironment(
                Map.of("DATABASE_MIGRATION_URL", "postgres://app:hunter2@db:port/x")))
                .isInstanceOf(InvalidUrlException.class)
                .hasMessage("migrationUrl (DATABASE_MIGRATION_URL): Invalid database URL postgres://app:***@db:port/x:"
                        + " the port 'port' of host db is not a number from 1 to 65535.");
    }

    @Test
    void refusesBadBuilderValuesNamingTheOptionTheValueAndTheFix() {
        assertThatThrownBy(() -> PaperclipDbOptions.builder().poolMax(0).build())
                .hasMessage("poolMax (DATABASE_POOL_MAX) must be at least 1; use e.g. 10 (the default); got 0.");
        assertThatThrownBy(() -> PaperclipDbOptions.builder().connectTimeout(Duration.ofMillis(10)).build())
                .hasMessage("connectTimeout (DATABASE_CONNECT_TIMEOUT_SECONDS) must be at least 250 ms;"
                        + " the default is 30 s; got PT0.01S.");
        assertThatThrownBy(() -> PaperclipDbOptions.builder().connectTimeout(null).build())
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("got null");
        assertThatThrownBy(() -> PaperclipDbOptions.builder().idleTimeout(Duration.ofSeconds(-1)).build())
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("idleTimeout");
        assertThatThrownBy(() -> PaperclipDbOptions.builder().slowQueryThreshold(Duration.ZERO).build())
                .hasMessage("slowQueryThreshold must be positive; use null to turn slow-query logging off; got PT0S.");
        assertThatThrownBy(() -> PaperclipDbOptions.builder().poolName(" ").build())
                .hasMessage("poolName must not be blank; got  .");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "tab\tname", "caf\u00e9", "a-name-that-is-much-longer-than-the-sixty-three-bytes-postgres-keeps"})
    void refusesApplicationNamesPostgresWouldMangle(String name) {
        assertThatThrownBy(() -> PaperclipDbOptions.builder().applicationName(name).build())
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageStartingWith("applicationName must be 1 to 63 printable ASCII characters");
    }

    @Test
    void masksTheMigrationUrlPasswordInToString() {
        PaperclipDbOptions o = PaperclipDbOptions.builder()
                .migrationUrl("postgres://app:hunter2@db:5432/paperclip").build();

        assertThat(o.toString())
                .contains("migrationUrl=postgres://app:***@db:5432/paperclip")
                .doesNotContain("hunter2");
    }
}
