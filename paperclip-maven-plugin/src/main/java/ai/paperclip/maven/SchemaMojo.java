package ai.paperclip.maven;

import org.apache.maven.plugins.annotations.Parameter;

/** A goal that reads schema definitions: Paperclip's, or the host project's own class ({@code --schema}). */
public abstract class SchemaMojo extends PaperclipMojo {

    /** Paperclip's core schema, the default {@code schemaClass}. */
    static final String PAPERCLIP_SCHEMA = "ai.paperclip.schema.core.PaperclipSchema";

    /**
     * The schema class among the project's compiled classes and dependencies: a public static field or no-arg
     * method giving a {@code SchemaModel} (or a {@code Schema}); {@code Class#member} picks one.
     */
    @Parameter(property = "paperclip.schemaClass", defaultValue = PAPERCLIP_SCHEMA)
    String schemaClass;

    @Override
    protected boolean usesProjectClasses() {
        return true;
    }
}
