package ai.paperclip.examples.boot;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample on the embedded default: no URL anywhere, only the instance home (a temporary one, with a free port in
 * its {@code config.json}, so the test never touches {@code ~/.paperclip} or port 54329).
 */
@SpringBootTest(classes = IssuesApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class IssuesServiceEmbeddedIT extends IssuesServiceContract {

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void instanceHome(DynamicPropertyRegistry registry) throws IOException {
        Path instance = Files.createDirectories(home.resolve("instances/default"));
        Files.writeString(instance.resolve("config.json"), "{\"database\":{\"embeddedPostgresPort\":" + freePort() + "}}");
        registry.add("paperclip.db.instance.home", home::toString);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
