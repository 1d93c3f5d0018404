package ai.paperclip.migrate.internal;

import ai.paperclip.schema.SchemaLoader;
import ai.paperclip.schema.model.SchemaModel;
import picocli.CommandLine.Option;

/**
 * {@code --schema CLASS}: the schema definitions, Paperclip's by default. A host application puts its
 * classes on the class path ({@code java -cp paperclip-migrate.jar:target/classes ...}) and names its class.
 */
public final class SchemaOption {

    /** Paperclip's own core schema. */
    public static final String PAPERCLIP_SCHEMA = "ai.paperclip.schema.core.PaperclipSchema";

    @Option(names = "--schema", paramLabel = "CLASS", defaultValue = PAPERCLIP_SCHEMA,
            description = "The schema class: a public static field or no-arg method giving a SchemaModel (or a"
                    + " Schema); Class#member picks one. Default: ${DEFAULT-VALUE}.")
    String schema = PAPERCLIP_SCHEMA;

    public String className() {
        return schema;
    }

    public boolean isPaperclip() {
        return PAPERCLIP_SCHEMA.equals(schema);
    }

    /**
     * Loads the model.
     *
     * @throws ai.paperclip.schema.SchemaException naming the class and the fix
     */
    public SchemaModel model() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return SchemaLoader.load(schema, loader != null ? loader : SchemaOption.class.getClassLoader());
    }
}
