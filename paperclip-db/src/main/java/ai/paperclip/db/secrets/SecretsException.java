package ai.paperclip.db.secrets;

import ai.paperclip.db.PaperclipDbException;

/**
 * A secret, key or master key that cannot be used: an invalid master key (naming the variable or file,
 * never the value), material that does not decrypt (naming the key's fingerprint, never the key),
 * tampered or malformed material, a revoked version, a secret that does not exist.
 */
public class SecretsException extends PaperclipDbException {

    private static final long serialVersionUID = 1L;

    public SecretsException(String message) {
        super(message, null, null);
    }

    public SecretsException(String message, Throwable cause) {
        super(message, null, cause);
    }
}
