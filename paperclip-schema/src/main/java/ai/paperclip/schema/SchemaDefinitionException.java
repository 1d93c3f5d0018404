package ai.paperclip.schema;

/**
 * A table or schema written with the DSL is wrong: a duplicate column, a foreign key to a missing
 * table or column, an index on a column the table does not have, a name over 63 bytes, a foreign
 * key whose type differs from its target. The message names the table and the column and says
 * what to change.
 */
public class SchemaDefinitionException extends SchemaException {

    private static final long serialVersionUID = 1L;

    public SchemaDefinitionException(String message) {
        super(message);
    }

    public SchemaDefinitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
