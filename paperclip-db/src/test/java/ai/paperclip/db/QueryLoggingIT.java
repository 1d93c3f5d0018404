package ai.paperclip.db;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.db.testing.LogCapture;
import ai.paperclip.db.testing.PostgresServer;
import ai.paperclip.db.testing.SharedPostgres;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedPostgres.class)
class QueryLoggingIT {

    private static final String QUERY_LOGGER = "ai.paperclip.db.query";

    @Test
    void logsNothingByDefaultNeitherOursNorJooqs(PostgresServer server) {
        Run run = run(server, PaperclipDbOptions.defaults());

        assertThat(run.lines()).isEmpty();
        assertThat(LogCapture.text()).doesNotContain(run.secret());
    }

    @Test
    void logsEveryQueryAtDebugWithBindValuesMasked(PostgresServer server) {
        Run run = run(server, PaperclipDbOptions.builder().logQueries(true).build());

        assertThat(run.lines()).singleElement().asString()
                .startsWith("DEBUG " + QUERY_LOGGER + " - Query (")
                .contains("select ?")
                .endsWith("[2 bind values masked]");
        assertThat(LogCapture.text()).doesNotContain(run.secret());
    }

    @Test
    void showsBindValuesOnlyWhenAskedTo(PostgresServer server) {
        Run run = run(server, PaperclipDbOptions.builder().logQueries(true).logBindValues(true).build());

        assertThat(run.lines()).singleElement().asString().endsWith("[bind values: " + run.secret() + ", 42]");
    }

    @Test
    void logsQueriesAtLeastAsSlowAsTheThresholdAtWarn(PostgresServer server) {
        // Every query takes at least a nanosecond, and none takes an hour: no timing luck involved.
        List<String> slow = run(server, PaperclipDbOptions.builder().slowQueryThreshold(Duration.ofNanos(1)).build())
                .lines();
        List<String> fast = run(server, PaperclipDbOptions.builder().slowQueryThreshold(Duration.ofHours(1)).build())
                .lines();

        assertThat(slow).singleElement().asString()
                .startsWith("WARN " + QUERY_LOGGER + " - Slow query (")
                .endsWith("[2 bind values masked]");
        assertThat(fast).isEmpty();
    }

    /** The log lines about one query, and the secret bind value it carried. */
    private record Run(List<String> lines, String secret) {
    }

    /** Runs one parameterised query tagged with a unique marker and carrying a unique secret value. */
    private static Run run(PostgresServer server, PaperclipDbOptions options) {
        String marker = "m" + UUID.randomUUID().toString().replace("-", "");
        String secret = "card-4111-" + marker;
        try (PaperclipDb db = PaperclipDb.create(server.url(), options)) {
            db.dsl().select(DSL.val(secret).as(marker), DSL.val(42).as("answer")).fetch();
        }
        return new Run(LogCapture.lines().stream().filter(line -> line.contains(marker)).toList(), secret);
    }
}
