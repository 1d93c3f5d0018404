package ai.paperclip.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The examples' banner line and failure line never show the password, whatever shape the URL has. */
class BannerRedactionTest {

    @ParameterizedTest
    @ValueSource(strings = {"user:Secret9x@127.0.0.1:1/db", "//user:Secret9x@127.0.0.1:1/db",
            "postgres:/user:Secret9x@127.0.0.1:1/db", "postgres//user:Secret9x@127.0.0.1:1/db",
            "jdbc:postgresql://user:Secret9x@127.0.0.1:1/db", "postgres://app:Sec?ret9x@127.0.0.1:1/db",
            "postgres://127.0.0.1:1/db?user=app&password=Secret9x"})
    void quickStartsBannerAndFailureLineMaskThePassword(String url) {
        Instances.Output out = new Instances.Output();

        Throwable failure = catchThrowable(() -> QuickStart.run(Map.of("DATABASE_URL", url,
                "DATABASE_CONNECT_TIMEOUT_SECONDS", "1"), out.stream));

        assertThat(out.text()).startsWith("Paperclip quick start on DATABASE_URL (environment): ").contains("***")
                .doesNotContain("Secret9x").doesNotContain("ret9x");
        assertThat(failure).isNotNull();
        assertThat(Launcher.describe("QuickStart", failure)).doesNotContain("ret9x");
    }
}
