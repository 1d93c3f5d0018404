package ai.paperclip.db.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.paperclip.db.testing.LogCapture;
import ai.paperclip.embedded.InstanceHome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyTest {

    private static final byte[] KEY = HexFormat.of().parseHex("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");

    @TempDir
    Path home;

    @Test
    void acceptsTheThreeFormsUpstreamAccepts() {
        MasterKey expected = MasterKey.of(KEY);
        String base64 = Base64.getEncoder().encodeToString(KEY);

        assertThat(fromVariable(HexFormat.of().formatHex(KEY))).isEqualTo(expected);
        assertThat(fromVariable(HexFormat.of().formatHex(KEY).toUpperCase())).isEqualTo(expected);
        assertThat(fromVariable(base64)).isEqualTo(expected);
        assertThat(fromVariable("  " + base64 + "\n")).isEqualTo(expected);
        assertThat(fromVariable(base64.replace('+', '-').replace('/', '_').replace("=", ""))).isEqualTo(expected);
        String raw = "abcdefghijklmnopqrstuvwxyz012345";
        assertThat(fromVariable(raw)).isEqualTo(MasterKey.of(raw.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anInvalidVariableIsAnErrorNamingTheVariableNotTheValue() {
        for (String bad : new String[] {"too-short-s3cr3t", "0123456789abcdef", "x".repeat(33),
                Base64.getEncoder().encodeToString(new byte[31])}) {
            assertThatThrownBy(() -> fromVariable(bad))
                    .isInstanceOf(SecretsException.class)
                    .hasMessageContaining("PAPERCLIP_SECRETS_MASTER_KEY")
                    .hasMessageNotContaining(bad);
        }
    }

    @Test
    void createsTheDefaultKeyFileOnFirstUseWithMode0600InA0700Directory() throws Exception {
        InstanceHome instance = InstanceHome.of(home, "test");

        MasterKey created = MasterKey.fromEnvironment(Map.of(), instance);

        Path file = instance.secretsDirectory().resolve("master.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        assertThat(MasterKey.fromEnvironment(Map.of(), instance)).as("read back, not replaced").isEqualTo(created);
        try (var files = Files.list(file.getParent())) {
            assertThat(files).as("no temporary file left").containsExactly(file);
        }
        assertThat(LogCapture.text()).doesNotContain(Files.readString(file).strip());
    }

    @Test
    void neverOverwritesAnExistingKeyFile() throws Exception {
        Path file = home.resolve("my.key");
        Files.writeString(file, HexFormat.of().formatHex(KEY) + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertThat(MasterKey.fromEnvironment(Map.of("PAPERCLIP_SECRETS_MASTER_KEY_FILE", file.toString()),
                InstanceHome.of(home, "unused"))).isEqualTo(MasterKey.of(KEY));
        assertThat(Files.readString(file)).isEqualTo(HexFormat.of().formatHex(KEY) + "\n");
    }

    @Test
    void tightensAKeyFileReadableByOthers() throws Exception {
        Path file = home.resolve("loose.key");
        Files.writeString(file, Base64.getEncoder().encodeToString(KEY));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(MasterKey.fromFile(file)).isEqualTo(MasterKey.of(KEY));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(LogCapture.text()).contains("Secrets master key " + file + " was readable by others (rw-r--r--)");
    }

    @Test
    void anInvalidKeyFileIsAnErrorNamingTheFileNotItsContent() throws Exception {
        Path file = Files.writeString(home.resolve("bad.key"), "not-a-key-at-all");

        assertThatThrownBy(() -> MasterKey.fromEnvironment(Map.of("PAPERCLIP_SECRETS_MASTER_KEY_FILE", file.toString()),
                InstanceHome.of(home, "unused")))
                .isInstanceOf(SecretsException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("PAPERCLIP_SECRETS_MASTER_KEY_FILE")
                .hasMessageNotContaining("not-a-key-at-all");
        assertThat(Files.readString(file)).isEqualTo("not-a-key-at-all");
    }

    @Test
    void aHugeFileIsNotReadIntoMemory() throws Exception {
        Path file = Files.write(home.resolve("huge.key"), new byte[1 << 20]);

        assertThatThrownBy(() -> MasterKey.fromFile(file)).hasMessageContaining("is not a key file");
    }

    @Test
    void theVariableWinsOverTheFileVariable() {
        MasterKey key = MasterKey.fromEnvironment(Map.of("PAPERCLIP_SECRETS_MASTER_KEY", HexFormat.of().formatHex(KEY),
                "PAPERCLIP_SECRETS_MASTER_KEY_FILE", home.resolve("never-created.key").toString()), InstanceHome.of(home, "x"));

        assertThat(key).isEqualTo(MasterKey.of(KEY));
        assertThat(home.resolve("never-created.key")).doesNotExist();
    }

    @Test
    void concurrentFirstUsesAgreeOnOneKey() throws Exception {
        Path file = home.resolve("race").resolve("master.key");
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<MasterKey>> keys = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                keys.add(pool.submit(() -> {
                    start.await();
                    return MasterKey.fromFile(file);
                }));
            }
            start.countDown();
            MasterKey first = keys.get(0).get(1, TimeUnit.MINUTES);
            for (Future<MasterKey> key : keys) {
                assertThat(key.get(1, TimeUnit.MINUTES)).isEqualTo(first);
            }
            assertThat(MasterKey.fromFile(file)).isEqualTo(first);
        } finally {
            pool.shutdownNow();
        }
    }

    private MasterKey fromVariable(String value) {
        return MasterKey.fromEnvironment(Map.of("PAPERCLIP_SECRETS_MASTER_KEY", value), InstanceHome.of(home, "unused"));
    }
}
