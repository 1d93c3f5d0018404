package ai.paperclip.db.secrets.internal;

import ai.paperclip.db.secrets.SecretsException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code local_encrypted_v1} material of {@code company_secret_versions.material}, byte for byte as
 * upstream's local encrypted provider writes it: AES-256-GCM without associated data, a 12-byte random
 * IV, a 16-byte tag kept apart from the ciphertext, the UTF-8 bytes of the value, and the JSON object
 * {@code {"scheme":"local_encrypted_v1","iv":…,"tag":…,"ciphertext":…}} with standard, padded base64.
 *
 * <p>Reading is as tolerant as upstream where it is harmless (URL-safe alphabet, missing padding, an
 * IV of another length) and strict where it matters: the tag must be 16 bytes, the plaintext valid
 * UTF-8, and any failure is an exception, never a wrong value.
 */
public final class LocalEncrypted {

    public static final String SCHEME = "local_encrypted_v1";
    public static final int IV_BYTES = 12;
    public static final int TAG_BYTES = 16;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private LocalEncrypted() {
    }

    /** Encrypts {@code value} under {@code key} with a fresh random IV. */
    public static String encrypt(byte[] key, String value) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        return encrypt(key, iv, value);
    }

    /** Encrypts with the IV given: for known-answer tests only; an IV must never be reused with a key. */
    public static String encrypt(byte[] key, byte[] iv, String value) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, iv));
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            // The JDK appends the tag to the ciphertext; upstream stores the two apart.
            int split = sealed.length - TAG_BYTES;
            ObjectNode material = JSON.createObjectNode();
            material.put("scheme", SCHEME);
            material.put("iv", Base64.getEncoder().encodeToString(iv));
            material.put("tag", Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(sealed, split, sealed.length)));
            material.put("ciphertext", Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(sealed, split)));
            return JSON.writeValueAsString(material);
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException("AES-256-GCM is required of every Java runtime", e);
        }
    }

    /**
     * Decrypts {@code material} (JSON text) under {@code key}.
     *
     * @param fingerprint the key's fingerprint, for the message when the key does not match
     * @param what        the secret and version, for messages
     * @throws SecretsException when the material is malformed, was altered, or the key is not the one
     *     it was encrypted with
     */
    public static String decrypt(byte[] key, String fingerprint, String material, String what) {
        JsonNode node;
        try {
            node = JSON.readTree(material);
        } catch (JsonProcessingException e) {
            throw malformed(what, "it is not JSON");
        }
        if (node == null || !node.isObject() || !SCHEME.equals(node.path("scheme").asText(null))) {
            throw malformed(what, "its scheme is not " + SCHEME);
        }
        byte[] iv = field(node, "iv", what);
        byte[] tag = field(node, "tag", what);
        byte[] ciphertext = field(node, "ciphertext", what);
        if (iv.length == 0 || tag.length != TAG_BYTES) {
            throw malformed(what, "its iv is empty or its tag is not " + TAG_BYTES + " bytes");
        }
        byte[] sealed = new byte[ciphertext.length + tag.length];
        System.arraycopy(ciphertext, 0, sealed, 0, ciphertext.length);
        System.arraycopy(tag, 0, sealed, ciphertext.length, tag.length);
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, iv));
            plain = cipher.doFinal(sealed);
        } catch (AEADBadTagException e) {
            throw new SecretsException("Secret decryption failed for " + what + " (master key fingerprint: "
                    + fingerprint + "). The master key does not match the key the secret was encrypted with, or"
                    + " the stored material was altered. Use the instance's original key"
                    + " (PAPERCLIP_SECRETS_MASTER_KEY, PAPERCLIP_SECRETS_MASTER_KEY_FILE or secrets/master.key).");
        } catch (GeneralSecurityException e) {
            throw malformed(what, "the cipher refused it (" + e.getClass().getSimpleName() + ")");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(plain)).toString();
        } catch (CharacterCodingException e) {
            throw malformed(what, "its plaintext is not UTF-8");
        }
    }

    private static byte[] field(JsonNode node, String name, String what) {
        JsonNode value = node.get(name);
        if (value == null || !value.isTextual()) {
            throw malformed(what, "field \"" + name + "\" is missing or not a string");
        }
        // Node's decoder (upstream's) accepts both alphabets and missing padding; so do we.
        String text = value.asText().strip().replace('-', '+').replace('_', '/');
        try {
            return Base64.getDecoder().decode(text + "=".repeat((4 - text.length() % 4) % 4));
        } catch (IllegalArgumentException e) {
            throw malformed(what, "field \"" + name + "\" is not base64");
        }
    }

    private static SecretsException malformed(String what, String problem) {
        return new SecretsException("Invalid local_encrypted secret material for " + what + ": " + problem
                + ". It was not written by Paperclip or was altered; rotate the secret to store a new value.");
    }
}
