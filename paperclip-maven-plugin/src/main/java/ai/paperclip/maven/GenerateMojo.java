package ai.paperclip.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code paperclip:generate}: writes the next migration of {@code schemaClass} into {@code migrationsDirectory}
 * ({@code paperclip-migrate generate}); nothing when nothing changed. Never asks: a rename or a data-losing
 * change stops the build (exit status 4) with the lines to add to {@code decisions.txt}. Compile first
 * ({@code mvn compile paperclip:generate}) so the schema class is current.
 */
@Mojo(name = "generate", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public final class GenerateMojo extends SchemaMojo {

    /** The readable part of the file name (lower case, digits, _); default: picked from the content. */
    @Parameter(property = "paperclip.name")
    String name;

    /** Writes an empty migration for hand-written SQL. */
    @Parameter(property = "paperclip.custom", defaultValue = "false")
    boolean custom;

    /** The changeset author; a host application's own history should use its own. */
    @Parameter(property = "paperclip.author")
    String author;

    /** Creates indexes on existing tables CONCURRENTLY, each in its own changeset. */
    @Parameter(property = "paperclip.concurrentIndexes", defaultValue = "false")
    boolean concurrentIndexes;

    @Override
    protected List<String> arguments() throws MojoExecutionException {
        if (migrationsDirectory == null) {
            throw new MojoExecutionException("paperclip:generate needs <migrationsDirectory>: the folder that holds (or"
                    + " will hold) the migrations of " + schemaClass + ", e.g. src/main/resources/com/acme/db/migrations.");
        }
        List<String> args = new ArrayList<>(List.of("generate", "--no-prompt", "--schema", schemaClass,
                "--out", migrationsDirectory.getAbsolutePath()));
        option(args, "--name", name);
        option(args, "--author", author);
        flag(args, "--custom", custom);
        flag(args, "--concurrent-indexes", concurrentIndexes);
        return args;
    }
}
