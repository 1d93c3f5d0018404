package ai.paperclip.migrate.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Which migrations folder generate and check write and read. */
public final class MigrationsFolder {

    /** Paperclip's history in a checkout of this repository, relative to its root. */
    public static final String PAPERCLIP_FOLDER = "paperclip-schema/src/main/resources/ai/paperclip/schema/migrations";

    private MigrationsFolder() {
    }

    /**
     * The folder given, or Paperclip's own when the schema is Paperclip's and the command runs at the root
     * of a checkout.
     *
     * @throws ParameterException (bad usage) when there is no folder to use
     */
    public static Path resolve(Path given, SchemaOption schema, String option, CommandSpec spec) {
        if (given != null) {
            return given;
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
