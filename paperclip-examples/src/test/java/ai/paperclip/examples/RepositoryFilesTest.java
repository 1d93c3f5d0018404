package ai.paperclip.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The files the README promises at the repository root: {@code docker-compose.yml} and
 * {@code .env.example}. There is no Docker engine on the build machine, so what is checked is their
 * content: the compose file's image, credentials, port, volume and health check, and that
 * {@code .env.example} and the README point at exactly that server.
 */
class RepositoryFilesTest {

    private static final String LOCAL_URL = "postgres://paperclip:paperclip@localhost:5432/paperclip";

    private static Path root;
    private static Map<String, Object> db;
    private static Map<String, Object> compose;

    @BeforeAll
    static void readComposeFile() throws IOException {
        root = Path.of(System.getProperty("paperclip.examples.root", "..")).toAbsolutePath().normalize();
        compose = new Yaml().load(Files.readString(root.resolve("docker-compose.yml")));
        db = map(map(compose.get("services")).get("db"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object yaml) {
        return (Map<String, Object>) yaml;
    }

    @Test
    void composeRunsPostgresql17WithUserPasswordAndDatabasePaperclip() {
        assertThat((String) db.get("image")).startsWith("postgres:17");
        assertThat(db.get("environment")).isEqualTo(Map.of(
                "POSTGRES_USER", "paperclip", "POSTGRES_PASSWORD", "paperclip", "POSTGRES_DB", "paperclip"));
    }

    @Test
    void composePublishesPort5432AndKeepsTheDataInTheVolumePgdata() {
        assertThat(db.get("ports")).isEqualTo(List.of("5432:5432"));
        assertThat(db.get("volumes")).isEqualTo(List.of("pgdata:/var/lib/postgresql/data"));
        assertThat(map(compose.get("volumes"))).containsOnlyKeys("pgdata");
    }

    @Test
    void composeChecksHealthWithPgIsreadyForTheSameUserAndDatabase() {
        Map<?, ?> healthcheck = (Map<?, ?>) db.get("healthcheck");
        assertThat(healthcheck.get("test")).isEqualTo(List.of("CMD-SHELL", "pg_isready -U paperclip -d paperclip"));
    }

    @Test
    void envExampleNamesTheComposeServerAndTheReadmeSaysTheSame() throws IOException {
        List<String> settings = Files.readAllLines(root.resolve(".env.example")).stream()
                .filter(line -> line.startsWith("DATABASE_URL=")).toList();
        assertThat(settings).containsExactly("DATABASE_URL=" + LOCAL_URL);

        URI url = URI.create(LOCAL_URL);
        Map<?, ?> environment = (Map<?, ?>) db.get("environment");
        assertThat(url.getUserInfo()).isEqualTo(environment.get("POSTGRES_USER") + ":" + environment.get("POSTGRES_PASSWORD"));
        assertThat(url.getPath()).isEqualTo("/" + environment.get("POSTGRES_DB"));
        assertThat(((List<?>) db.get("ports")).get(0)).isEqualTo(url.getPort() + ":5432");

        String readme = Files.readString(root.resolve("README.md"));
        assertThat(readme).contains("docker compose up -d", "cp .env.example .env", "DATABASE_URL=" + LOCAL_URL,
                "postgres:17");
    }
}
