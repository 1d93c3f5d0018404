package ai.paperclip.migrate.command;

import ai.paperclip.migrate.internal.CliContext;
import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/** {@code restore FILE} and {@code verify FILE}: a command on one backup file. */
public abstract class BackupFileCommand extends BackupBase {

    @Parameters(paramLabel = "FILE", description = "The backup file.")
    Path file;

    protected BackupFileCommand(CliContext context) {
        super(context);
    }
}
