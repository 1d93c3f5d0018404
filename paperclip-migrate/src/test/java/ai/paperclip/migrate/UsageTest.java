package ai.paperclip.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.migrate.testing.Cli;
import ai.paperclip.migrate.testing.Cli.Run;
import ai.paperclip.schema.migration.CheckCode;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Usage, help and the exit statuses that need no database. */
class UsageTest {

    private static final Map<String, String> URL_TARGET =
            Map.of("DATABASE_URL", "postgres://app:pw-not-shown@127.0.0.1:1/paperclip");

    @Test
    void helpListsEveryCommandAndEveryExitStatus() {
        Run run = Cli.run(Map.of(), "--help");
        assertThat(run.exitCode()).isZero();
        for (String command : new String[] {"generate", "check", "migrate", "status", "rollback", "push", "adopt",
                "doctor", "reset", "stop", "backup", "restore", "verify", "backups", "lint", "trace"}) {
            assertThat(run.out()).contains("  " + command + " ");
        }
        String flat = run.out().replaceAll("\\s+", " ");
        for (ExitCode code : ExitCode.values()) {
            assertThat(flat).contains(code.code() + " " + code.meaning());
        }
    }

    @Test
    void noCommandAnUnknownCommandAndAnUnknownOptionAreBadUsageWithStatusTwo() {
        assertThat(Cli.run(Map.of()).exitCode()).isEqualTo(2);
        Run unknown = Cli.run(Map.of(), "migrat");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unmatched argument").contains("migrat");
        assertThat(Cli.run(Map.of(), "status", "--jsn").exitCode()).isEqualTo(2);
    }

    @Test
    void rollbackNeedsExactlyOneOfCountAndTo() {
        Run neither = Cli.run(URL_TARGET, "rollback");
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.err()).contains("--count").contains("--to");
        assertThat(Cli.run(URL_TARGET, "rollback", "--count", "1", "--to", "0000").exitCode()).isEqualTo(2);
    }

    @Test
    void rollbackCountBelowOneAnUnknownTargetAndTwoHistoriesAreBadUsageBeforeAnyConnection() {
        // URL_TARGET is unreachable: status 2 (not 1) shows these are decided before connecting.
        for (String count : new String[] {"0", "-3"}) {
            Run run = Cli.run(URL_TARGET, "rollback", "--count", count);
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE.code());
            assertThat(run.err()).contains("--count must be at least 1, got " + count);
        }
        Run unknown = Cli.run(URL_TARGET, "rollback", "--to", "9999");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(ExitCode.USAGE.code());
        assertThat(unknown.err()).contains("No migration 9999").contains("0000_core_schema");
        Run two = Cli.run(URL_TARGET, "rollback", "--count", "1", "--migrations", "classpath:a", "--migrations", "classpath:b");
        assertThat(two.exitCode()).as(two.toString()).isEqualTo(ExitCode.USAGE.code());
        Run adoptTwo = Cli.run(URL_TARGET, "adopt", "--migrations", "classpath:a", "--migrations", "classpath:b");
        assertThat(adoptTwo.exitCode()).as(adoptTwo.toString()).isEqualTo(ExitCode.USAGE.code());
        assertThat(Cli.run(URL_TARGET, "adopt", "--to", "9999").exitCode()).isEqualTo(ExitCode.USAGE.code());
    }

    @Test
    void resetRefusesATargetThatIsNotEmbeddedWithoutPrintingItsPassword() {
        Run run = Cli.run(URL_TARGET, "reset", "--yes");
        assertThat(run.exitCode()).isEqualTo(ExitCode.RESET_REFUSED.code());
        assertThat(run.err()).contains("not the embedded one").contains("postgres://app:***@127.0.0.1:1/paperclip");
        assertThat(run.all()).doesNotContain("pw-not-shown");
    }

    @Test
    void exitStatusesAreDistinctAndEachCheckFailureHasItsOwn() {
        assertThat(Arrays.stream(ExitCode.values()).map(ExitCode::code).distinct().count())
                .isEqualTo(ExitCode.values().length);
        assertThat(Arrays.stream(CheckCode.values()).map(ExitCode::of).distinct().count())
                .isEqualTo(CheckCode.values().length);
        assertThat(ExitCode.OK.code()).isZero();
        assertThat(ExitCode.FAILURE.code()).isEqualTo(1);
        assertThat(ExitCode.USAGE.code()).isEqualTo(2);
    }

    @Test
    void aMalformedDatabaseUrlIsOneLineWithStatusOneAndNoPassword() {
        Run run = Cli.run(Map.of("DATABASE_URL", "postgres://app:pw-not-shown@db:notaport/paperclip"), "status");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).startsWith("Error: ");
        assertThat(run.err().lines().count()).isEqualTo(1);
        assertThat(run.all()).doesNotContain("pw-not-shown");
    }

    @Test
    void withTheProductionGuardAMissingDatabaseUrlIsAnErrorNotAnEmbeddedServer(@org.junit.jupiter.api.io.TempDir java.nio.file.Path home) {
        Run run = Cli.run(Map.of("PAPERCLIP_HOME", home.toString(), "PAPERCLIP_EMBEDDED_POSTGRES", "false"), "status");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).startsWith("Error: ").contains("DATABASE_URL").contains("PAPERCLIP_EMBEDDED_POSTGRES=false");
        assertThat(home.resolve("instances/default/db")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "-30"})
    void aDoctorTimeoutBelowOneSecondIsBadUsage(String seconds) {
        Run run = Cli.run(URL_TARGET, "doctor", "--timeout", seconds);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err()).contains("--timeout must be at least 1 second, got " + seconds);
        assertThat(run.all()).doesNotContain("pw-not-shown");
    }
}
