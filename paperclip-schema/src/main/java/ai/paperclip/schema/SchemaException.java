package ai.paperclip.schema;

/** The root of the unchecked exceptions thrown by paperclip-schema. */
public class SchemaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SchemaException(String message) {
        super(message);
    }

    public SchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
