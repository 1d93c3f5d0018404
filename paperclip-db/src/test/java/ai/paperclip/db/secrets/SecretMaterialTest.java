package ai.paperclip.db.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.paperclip.db.secrets.internal.LocalEncrypted;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Known answers for the {@code local_encrypted_v1} material. Upstream (server/src/secrets/
 * local-encrypted-provider.ts) encrypts with Node's {@code aes-256-gcm}, a 12-byte IV, a 16-byte tag,
 * no associated data, and writes {@code {scheme, iv, tag, ciphertext}} in that order with
 * {@code Buffer.toString("base64")} (standard alphabet, padded). The expected values here are built
 * independently of the code under test: from the published GCM test vector, and with the JDK's cipher
 * called directly in this class.
 */
class SecretMaterialTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] ZERO_KEY = new byte[32];
    private static final byte[] ZERO_IV = new byte[12];

    @Test
    void matchesThePublishedAes256GcmVector() {
        // McGrew & Viega, "The GCM mode of operation", test case 14: K = 0^256, IV = 0^96, P = 0^128.
        String material = LocalEncrypted.encrypt(ZERO_KEY, ZERO_IV, "\0".repeat(16));

        assertThat(material).isEqualTo("{\"scheme\":\"local_encrypted_v1\",\"iv\":\"" + b64("000000000000000000000000")
                + "\",\"tag\":\"" + b64("d0d1c8a799996bf0265b98b5d48ab919")
                + "\",\"ciphertext\":\"" + b64("cea7403d4d606b6e074ec5d3baf39d18") + "\"}");
    }

    @Test
    void matchesTheJdkCipherForAFixedKeyAndIv() throws Exception {
        byte[] key = HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        byte[] iv = HEX.parseHex("cafebabefacedbaddecaf888");
        String value = "sk-live-ünïcødé-🔑";

        assertThat(LocalEncrypted.encrypt(key, iv, value)).isEqualTo(jdkMaterial(key, iv, value));
    }

    @Test
    void decryptsMaterialBuiltWithTheJdkCipherInUpstreamsForm() throws Exception {
        MasterKey key = MasterKey.of(HEX.parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"));
        byte[] raw = HEX.parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
        String material = jdkMaterial(raw, HEX.parseHex("0f0e0d0c0b0a090807060504"), "postgres://app:pw@db/x");

        assertThat(key.decrypt(material)).isEqualTo("postgres://app:pw@db/x");
    }

    @Test
    void decryptsMaterialAsPostgresReturnsJsonb() throws Exception {
        // jsonb reorders keys (shorter first) and adds spaces: the order must not matter.
        byte[] raw = new byte[32];
        Arrays.fill(raw, (byte) 7);
        ObjectNode jdk = (ObjectNode) new ObjectMapper().readTree(jdkMaterial(raw, ZERO_IV, "value"));
        String reordered = "{\"iv\": \"" + jdk.get("iv").asText() + "\", \"tag\": \"" + jdk.get("tag").asText()
                + "\", \"scheme\": \"local_encrypted_v1\", \"ciphertext\": \"" + jdk.get("ciphertext").asText() + "\"}";

        assertThat(MasterKey.of(raw).decrypt(reordered)).isEqualTo("value");
    }

    @Test
    void roundTripsWithARandomIvEachTime() {
        MasterKey key = MasterKey.of(HEX.parseHex("ff".repeat(32)));
        String first = key.encrypt("same value");
        String second = key.encrypt("same value");

        assertThat(first).isNotEqualTo(second);
        assertThat(key.decrypt(first)).isEqualTo("same value");
        assertThat(key.decrypt(second)).isEqualTo("same value");
        assertThat(key.decrypt(key.encrypt(""))).isEmpty();
    }

    @Test
    void aWrongKeyIsAnErrorNamingItsFingerprintNeverTheKey() {
        byte[] rightKey = HEX.parseHex("11".repeat(32));
        byte[] wrongKey = HEX.parseHex("22".repeat(32));
        MasterKey wrong = MasterKey.of(wrongKey);
        String material = MasterKey.of(rightKey).encrypt("the secret value");

        assertThatThrownBy(() -> wrong.decrypt(material))
                .isInstanceOf(SecretsException.class)
                .hasMessageContaining("master key fingerprint: " + wrong.fingerprint())
                .hasMessageNotContaining("22".repeat(32))
                .hasMessageNotContaining(Base64.getEncoder().encodeToString(wrongKey))
                .hasMessageNotContaining("the secret value");
        assertThat(wrong.fingerprint()).hasSize(12).isEqualTo(sha256Hex(wrongKey).substring(0, 12));
        assertThat(wrong.toString()).doesNotContain("22".repeat(32)).contains(wrong.fingerprint());
    }

    @Test
    void tamperedMaterialIsAnErrorNeverGarbage() throws Exception {
        MasterKey key = MasterKey.of(HEX.parseHex("33".repeat(32)));
        ObjectMapper json = new ObjectMapper();
        for (String field : new String[] {"ciphertext", "tag", "iv"}) {
            ObjectNode material = (ObjectNode) json.readTree(key.encrypt("pay the invoice to account 12345"));
            byte[] bytes = Base64.getDecoder().decode(material.get(field).asText());
            bytes[0] ^= 1;
            material.put(field, Base64.getEncoder().encodeToString(bytes));

            assertThatThrownBy(() -> key.decrypt(json.writeValueAsString(material)))
                    .as(field).isInstanceOf(SecretsException.class).hasMessageContaining("decryption failed");
        }
    }

    @Test
    void malformedMaterialIsAnErrorSayingWhat() throws Exception {
        MasterKey key = MasterKey.of(HEX.parseHex("44".repeat(32)));
        ObjectNode good = (ObjectNode) new ObjectMapper().readTree(key.encrypt("x"));

        assertThatThrownBy(() -> key.decrypt("not json")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> key.decrypt(good.deepCopy().put("scheme", "local_encrypted_v2").toString()))
                .hasMessageContaining("scheme is not local_encrypted_v1");
        ObjectNode noTag = good.deepCopy();
        noTag.remove("tag");
        assertThatThrownBy(() -> key.decrypt(noTag.toString())).hasMessageContaining("\"tag\" is missing");
        assertThatThrownBy(() -> key.decrypt(good.deepCopy().put("ciphertext", "***").toString()))
                .hasMessageContaining("\"ciphertext\" is not base64");
        assertThatThrownBy(() -> key.decrypt(good.deepCopy().put("tag", "AAAA").toString()))
                .hasMessageContaining("tag is not 16 bytes");
    }

    @Test
    void readsTheUrlSafeUnpaddedBase64NodeAlsoAccepts() throws Exception {
        MasterKey key = MasterKey.of(HEX.parseHex("55".repeat(32)));
        ObjectNode material = (ObjectNode) new ObjectMapper().readTree(key.encrypt("?>?>?>"));
        for (String field : new String[] {"iv", "tag", "ciphertext"}) {
            material.put(field, material.get(field).asText().replace('+', '-').replace('/', '_').replace("=", ""));
        }

        assertThat(key.decrypt(material.toString())).isEqualTo("?>?>?>");
    }

    /** The material, built here with the JDK cipher and by hand, in upstream's field order. */
    private static String jdkMaterial(byte[] key, byte[] iv, String value) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        byte[] out = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
        byte[] ciphertext = Arrays.copyOf(out, out.length - 16);
        byte[] tag = Arrays.copyOfRange(out, out.length - 16, out.length);
        Base64.Encoder b64 = Base64.getEncoder();
        return "{\"scheme\":\"local_encrypted_v1\",\"iv\":\"" + b64.encodeToString(iv) + "\",\"tag\":\""
                + b64.encodeToString(tag) + "\",\"ciphertext\":\"" + b64.encodeToString(ciphertext) + "\"}";
    }

    private static String b64(String hex) {
        return Base64.getEncoder().encodeToString(HEX.parseHex(hex));
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HEX.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
