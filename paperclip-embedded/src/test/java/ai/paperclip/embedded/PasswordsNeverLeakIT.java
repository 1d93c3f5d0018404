package ai.paperclip.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordsNeverLeakIT {

    private static final Path TEST_LOG = Path.of("target", "embedded-tests-slf4j.log");

    @TempDir
    Path tmp;

    @Test
    void thePasswordIsInNoLogLineNoExceptionTextNoToStringAndNoCachePath() throws Exception {
        String secret = "Pw-" + UUID.randomUUID();
        String otherSecret = "Other-" + UUID.randomUUID();
        InstanceHome home = TestHomes.withFreePort(tmp);
        List<String> texts = new ArrayList<>();

        try (EmbeddedPostgres pg = TestHomes.builder(home).credentials("paperclip", secret).start()) {
            texts.add(pg.toString());
            texts.add(pg.options().toString());
            texts.add(pg.jdbcUrl());
            texts.add(messages(catchThrowable(() -> TestHomes.builder(home).credentials("paperclip", secret).reset())));
            // The same directory with other credentials: identity cannot be proven, and the lock is live.
            texts.add(messages(catchThrowable(() -> TestHomes.builder(home).credentials("paperclip", otherSecret).start())));
        }
        texts.add(messages(catchThrowable(() -> TestHomes.builder(home).credentials("paperclip", secret)
                .dataDirectory(tmp.resolve("elsewhere")).port(1).portAttempts(1).start())));

        String slf4j = Files.readString(TEST_LOG);
        String postgresLog = Files.readString(home.logsDirectory().resolve("embedded-postgres.log"));
        assertThat(slf4j).contains("Started PostgreSQL");
        assertThat(texts).hasSize(6).allSatisfy(text -> assertThat(text).isNotBlank());
        for (String leak : List.of(secret, otherSecret)) {
            assertThat(slf4j).doesNotContain(leak);
            assertThat(postgresLog).doesNotContain(leak);
            assertThat(texts).noneMatch(text -> text.contains(leak));
            assertThat(pathsUnder(TestHomes.CACHE)).noneMatch(path -> path.contains(leak));
            assertThat(pathsUnder(home.home())).noneMatch(path -> path.contains(leak));
        }
    }

    private static String messages(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c).append('\n');
        }
        return all.toString();
    }

    private static List<String> pathsUnder(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root, 2)) {
            return paths.map(Path::toString).toList();
        }
    }
}
