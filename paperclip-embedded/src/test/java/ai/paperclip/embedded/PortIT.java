package ai.paperclip.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.paperclip.embedded.internal.Ports;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortIT {

    private static final Path TEST_LOG = Path.of("target", "embedded-tests-slf4j.log");

    @TempDir
    Path tmp;

    @Test
    void thePortOfConfigJsonIsUsed() throws Exception {
        InstanceHome home = TestHomes.withFreePort(tmp);
        int configured = PaperclipConfig.read(home.configFile()).embeddedPostgresPort();

        try (EmbeddedPostgres pg = TestHomes.builder(home).start()) {
            assertThat(pg.port()).isEqualTo(configured);
            assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + configured + "/paperclip");
        }
    }

    @Test
    void aPortTakenByAnotherProgramMovesTheServerToTheNextFreePortAndSaysSo() throws Exception {
        List<ServerSocket> taken = takeConsecutivePorts(1);
        int blocked = taken.get(0).getLocalPort();
        InstanceHome home = TestHomes.withFreePort(tmp);
        PaperclipConfig.read(home.configFile()).with("database.embeddedPostgresPort", blocked).write(home.configFile());
        try (EmbeddedPostgres pg = TestHomes.builder(home).start()) {
            assertThat(pg.port()).isGreaterThan(blocked).isLessThanOrEqualTo(blocked + 9);
            assertThat(Files.readString(TEST_LOG))
                    .contains("Port " + blocked + " is in use by another program; trying port " + (blocked + 1))
                    .contains("the embedded PostgreSQL uses port " + pg.port() + " instead");
        } finally {
            closeAll(taken);
        }
    }

    @Test
    void theServerPreparingATemplateUsesTheConfiguredRangeAndMovesOnFromATakenPort() throws Exception {
        List<ServerSocket> taken = takeConsecutivePorts(1);
        int blocked = taken.get(0).getLocalPort();
        InstanceHome home = TestHomes.withFreePort(tmp);
        PaperclipConfig.read(home.configFile()).with("database.embeddedPostgresPort", blocked).write(home.configFile());
        // A database name of its own: the template (keyed by it) is built by this start, not found cached.
        String database = "template_port_" + System.nanoTime();
        try (EmbeddedPostgres pg = TestHomes.builder(home).databaseName(database).start()) {
            String log = Files.readString(TEST_LOG);
            assertThat(log).contains("Port " + blocked + " is in use by another program; the server preparing the"
                    + " cluster template tries port " + (blocked + 1));
            Matcher used = Pattern.compile("Preparing the cluster template with a server on 127\\.0\\.0\\.1:(\\d+)")
                    .matcher(log.substring(log.lastIndexOf("the server preparing the cluster template tries port "
                            + (blocked + 1))));
            assertThat(used.find()).isTrue();
            assertThat(Integer.parseInt(used.group(1))).isGreaterThan(blocked).isLessThanOrEqualTo(blocked + 9);
            assertThat(pg.port()).isGreaterThan(blocked).isLessThanOrEqualTo(blocked + 9);
        } finally {
            closeAll(taken);
        }
    }

    @Test
    void whenEveryPortOfTheRangeIsTakenTheErrorNamesTheRangeAndTheSetting() throws Exception {
        // The default template exists first, so the server itself (not a template's) meets the taken ports.
        TestHomes.builder(TestHomes.withFreePort(tmp.resolve("first"))).start().close();
        List<ServerSocket> taken = takeConsecutivePorts(3);
        int first = taken.get(0).getLocalPort();
        InstanceHome home = TestHomes.withFreePort(tmp);
        PaperclipConfig.read(home.configFile()).with("database.embeddedPostgresPort", first).write(home.configFile());
        try {
            assertThatThrownBy(() -> TestHomes.builder(home).portAttempts(3).start())
                    .isInstanceOf(PostgresStartException.class)
                    .hasMessage("No free port for the embedded PostgreSQL in " + first + "-" + (first + 2)
                            + " (database.embeddedPostgresPort = " + first + " in " + home.configFile()
                            + ", tried 3 ports: portAttempts). Free one of these ports, set"
                            + " database.embeddedPostgresPort in config.json (or the builder's port) to a free port,"
                            + " or raise portAttempts.");
        } finally {
            closeAll(taken);
        }
    }

    /** {@code count} consecutive ports held open on 127.0.0.1 by this test. */
    private static List<ServerSocket> takeConsecutivePorts(int count) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = Ports.anyFree();
            List<ServerSocket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < count; i++) {
                    sockets.add(new ServerSocket(base + i, 1, InetAddress.getLoopbackAddress()));
                }
                return sockets;
            } catch (IOException e) {
                closeAll(sockets);
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free ports found");
    }

    private static void closeAll(List<ServerSocket> sockets) throws IOException {
        for (ServerSocket s : sockets) {
            s.close();
        }
    }
}
