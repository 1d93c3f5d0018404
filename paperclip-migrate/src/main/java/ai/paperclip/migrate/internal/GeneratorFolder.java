package ai.paperclip.migrate.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The one migrations folder in the source tree that {@code generate --out} writes and {@code check --migrations}
 * reads: files on disk, never a classpath location (a jar's history is what was built from such a folder).
 * The histories the database commands apply are {@link MigrationsOption}'s.
 */
public final class GeneratorFolder {

    /** Paperclip's history in a checkout of this repository, relative to its root. */
    public static final String PAPERCLIP_FOLDER = "paperclip-schema/src/main/resources/ai/paperclip/schema/migrations";

    private GeneratorFolder() {
    }

    /**
     * The folder given, or Paperclip's own when the schema is Paperclip's and the command runs at the root
     * of a checkout.
     *
     * @throws ParameterException (bad usage) when there is no folder to use, or a classpath location is given
     */
    public static Path resolve(String given, SchemaOption schema, String option, CommandSpec spec) {
        if (given != null) {
            if (given.startsWith(MigrationsOption.CLASSPATH_PREFIX)) {
                throw new ParameterException(spec.commandLine(), option + " takes a folder, not " + given + ": "
                        + spec.name() + " reads and writes the files of the folder generate writes (the one that holds "
                        + "meta/_journal.json). Give that folder's path.");
            }
            return Path.of(given);
        }
        Path paperclip = Path.of(PAPERCLIP_FOLDER);
        if (!schema.isPaperclip()) {
            throw new ParameterException(spec.commandLine(), option + " is required with --schema " + schema.className()
                    + ": give the folder that holds (or will hold) its migrations.");
        }
        if (!Files.isDirectory(paperclip)) {
            throw new ParameterException(spec.commandLine(), "No " + PAPERCLIP_FOLDER + " here: run at the root of the"
                    + " paperclip-db checkout, or give the migrations folder with " + option + ".");
        }
        return paperclip;
    }
}
