package ai.paperclip.db.secrets.internal;

import ai.paperclip.db.secrets.SecretsException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a master key file, or creates it on first use: 32 random bytes as base64 text, mode 0600, in a
 * directory created with mode 0700. Creation writes a private temporary file and hard-links it into
 * place, which fails if the name exists: two processes creating the key at once end with one key, and
 * an existing key is never overwritten. A key file readable by group or others is tightened to 0600
 * (or, when that is not allowed, reported at WARN).
 */
public final class MasterKeyFile {

    private static final Logger LOG = LoggerFactory.getLogger(MasterKeyFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    /** A key file is a line of text; anything larger is not one (and /dev/zero must not fill the heap). */
    private static final int MAX_BYTES = 4096;
    private static final SecureRandom RANDOM = new SecureRandom();

    private MasterKeyFile() {
    }

    public static byte[] loadOrCreate(Path file, String origin) {
        Path path = file.toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            byte[] created = create(path);
            if (created != null) {
                return created;
            }
        }
        tighten(path);
        byte[] key = MasterKeyText.decode(read(path, origin));
        if (key == null) {
            throw new SecretsException("Invalid secrets master key in " + path + " (" + origin + "): expected"
                    + " 64 hex characters, base64 of 32 bytes, or a 32-byte string. Restore the instance's key file;"
                    + " a new key cannot decrypt secrets stored with the old one.");
        }
        return key;
    }

    /** Creates the file with a new key; {@code null} when another process created it first. */
    private static byte[] create(Path path) {
        byte[] key = new byte[MasterKeyText.KEY_BYTES];
        RANDOM.nextBytes(key);
        Path directory = path.getParent();
        Path temporary = null;
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            temporary = Files.createTempFile(directory, ".master.key.", ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.writeString(temporary, MasterKeyText.encode(key), StandardCharsets.UTF_8);
            Files.createLink(path, temporary);
            LOG.info("Created the secrets master key {} (mode 0600); back it up with the database", path);
            return key;
        } catch (FileAlreadyExistsException e) {
            return null;
        } catch (IOException e) {
            throw new SecretsException("Cannot create the secrets master key " + path + ": " + e.getMessage()
                    + ". Check that the directory is writable, or set PAPERCLIP_SECRETS_MASTER_KEY or"
                    + " PAPERCLIP_SECRETS_MASTER_KEY_FILE.", e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // a stray temporary file holds a key nobody uses; it is mode 0600
                }
            }
        }
    }

    private static void tighten(Path path) {
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path);
            if (!OWNER_ONLY.containsAll(mode)) {
                String before = PosixFilePermissions.toString(mode);
                try {
                    Files.setPosixFilePermissions(path, OWNER_ONLY);
                    LOG.warn("Secrets master key {} was readable by others ({}); changed it to rw-------", path, before);
                } catch (IOException | SecurityException e) {
                    LOG.warn("Secrets master key {} is readable by others ({}) and could not be changed ({}):"
                            + " run chmod 600 {}", path, before, e.getMessage(), path);
                }
            }
        } catch (UnsupportedOperationException | IOException e) {
            LOG.debug("Cannot read the permissions of {}: {}", path, e.getMessage());
        }
    }

    private static String read(Path path, String origin) {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new SecretsException("The secrets master key file " + path + " (" + origin + ") is larger than "
                        + MAX_BYTES + " bytes: it is not a key file. Point " + origin + " at the key file.");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SecretsException("Cannot read the secrets master key " + path + " (" + origin + "): "
                    + e.getMessage() + ". Check its owner and permissions.", e);
        }
    }
}
