package ai.paperclip.embedded;

/**
 * An instance setting is wrong: an invalid instance id, a malformed or out-of-range
 * {@code config.json}, an unreadable {@code .env}, or an invalid builder option.
 */
public class ConfigurationException extends EmbeddedPostgresException {

    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
