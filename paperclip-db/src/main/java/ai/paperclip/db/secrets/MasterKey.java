package ai.paperclip.db.secrets;

import ai.paperclip.db.secrets.internal.LocalEncrypted;
import ai.paperclip.db.secrets.internal.MasterKeyFile;
import ai.paperclip.db.secrets.internal.MasterKeyText;
import ai.paperclip.db.secrets.internal.Sha256;
import ai.paperclip.embedded.InstanceHome;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The 32-byte key of the {@code local_encrypted} secrets provider, found as upstream finds it:
 * <ol>
 *   <li>{@code PAPERCLIP_SECRETS_MASTER_KEY}: 64 hex characters, base64 of 32 bytes, or a raw 32-byte
 *       string (anything else is an error naming the variable);</li>
 *   <li>else the file named by {@code PAPERCLIP_SECRETS_MASTER_KEY_FILE};</li>
 *   <li>else {@code <instance>/secrets/master.key}.</li>
 * </ol>
 * A missing key file is created on first use (base64 text, mode 0600, never overwritten); a key file
 * readable by group or others is tightened to 0600. The key never appears in a message, a log line or
 * {@link #toString()}: they show its {@link #fingerprint()}.
 *
 * <pre>{@code
 * MasterKey key = MasterKey.fromEnvironment(System.getenv(), InstanceHome.fromEnvironment(System.getenv()));
 * }</pre>
 */
public final class MasterKey {

    /** The variable holding the key itself. */
    public static final String KEY_VARIABLE = "PAPERCLIP_SECRETS_MASTER_KEY";
    /** The variable naming a key file. */
    public static final String FILE_VARIABLE = "PAPERCLIP_SECRETS_MASTER_KEY_FILE";
    /** The key file's name in the instance's {@code secrets/} directory. */
    public static final String DEFAULT_FILE_NAME = "master.key";

    private final byte[] key;
    private final String fingerprint;

    private MasterKey(byte[] key) {
        this.key = key.clone();
        this.fingerprint = Sha256.hex(key).substring(0, 12);
    }

    /** A key of exactly 32 bytes. */
    public static MasterKey of(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length != MasterKeyText.KEY_BYTES) {
            throw new SecretsException("A secrets master key has 32 bytes, not " + key.length + ".");
        }
        return new MasterKey(key);
    }

    /** The key written as upstream accepts it (64 hex characters, base64 of 32 bytes, or 32 raw bytes). */
    public static MasterKey parse(String text) {
        byte[] key = MasterKeyText.decode(Objects.requireNonNull(text, "text"));
        if (key == null) {
            throw new SecretsException("Invalid secrets master key: expected 64 hex characters, base64 of 32"
                    + " bytes, or a 32-byte string.");
        }
        return new MasterKey(key);
    }

    /** The key in {@code file}, created there (mode 0600) if the file does not exist. */
    public static MasterKey fromFile(Path file) {
        return new MasterKey(MasterKeyFile.loadOrCreate(Objects.requireNonNull(file, "file"), "key file"));
    }

    /**
     * The key {@code env} designates ({@link #KEY_VARIABLE}, else {@link #FILE_VARIABLE}, else
     * {@code instance}'s {@code secrets/master.key}); empty values mean unset.
     *
     * @throws SecretsException when the variable or the file holds no valid key, naming which
     */
    public static MasterKey fromEnvironment(Map<String, String> env, InstanceHome instance) {
        String inline = env.get(KEY_VARIABLE);
        if (inline != null && !inline.isBlank()) {
            byte[] key = MasterKeyText.decode(inline);
            if (key == null) {
                throw new SecretsException("Invalid " + KEY_VARIABLE + ": expected 64 hex characters, base64 of"
                        + " 32 bytes, or a 32-byte string (generate one with: openssl rand -base64 32).");
            }
            return new MasterKey(key);
        }
        String file = env.get(FILE_VARIABLE);
        if (file != null && !file.isBlank()) {
            return new MasterKey(MasterKeyFile.loadOrCreate(Path.of(file.strip()), FILE_VARIABLE));
        }
        Objects.requireNonNull(instance, "instance");
        return new MasterKey(MasterKeyFile.loadOrCreate(instance.secretsDirectory().resolve(DEFAULT_FILE_NAME),
                "the instance's default key file"));
    }

    /** The first 12 hex characters of the key's SHA-256, as upstream reports it: safe to show. */
    public String fingerprint() {
        return fingerprint;
    }

    /** Encrypts {@code value} into {@code local_encrypted_v1} material (JSON text), with a fresh IV. */
    public String encrypt(String value) {
        return LocalEncrypted.encrypt(key, Objects.requireNonNull(value, "value"));
    }

    /**
     * Decrypts {@code local_encrypted_v1} material.
     *
     * @throws SecretsException when the material is malformed or altered, or was encrypted with another key
     *     (the message names this key's fingerprint)
     */
    public String decrypt(String material) {
        return LocalEncrypted.decrypt(key, fingerprint, Objects.requireNonNull(material, "material"), "the material given");
    }

    String decrypt(String material, String what) {
        return LocalEncrypted.decrypt(key, fingerprint, material, what);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MasterKey other && java.security.MessageDigest.isEqual(key, other.key);
    }

    @Override
    public int hashCode() {
        return fingerprint.hashCode();
    }

    @Override
    public String toString() {
        return "MasterKey{fingerprint=" + fingerprint + "}";
    }
}
