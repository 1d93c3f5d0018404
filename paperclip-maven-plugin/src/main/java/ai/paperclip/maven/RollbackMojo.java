package ai.paperclip.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code paperclip:rollback}: undoes the newest {@code count} applied migrations, or all after {@code to}, of
 * {@code migrationsDirectory}'s history (else Paperclip's) with their rollback statements
 * ({@code paperclip-migrate rollback}); refuses (exit status 22) to delete rows without {@code force}.
 */
@Mojo(name = "rollback", threadSafe = true)
public final class RollbackMojo extends PaperclipMojo {

    /** How many of the newest applied migrations to undo. */
    @Parameter(property = "paperclip.count")
    Integer count;

    /** Undo every applied migration after this one ({@code NNNN} or {@code NNNN_name}). */
    @Parameter(property = "paperclip.to")
    String to;

    /** Undo even when rows would be deleted. */
    @Parameter(property = "paperclip.force", defaultValue = "false")
    boolean force;

    /** Print the SQL and the rows it would delete; change nothing. */
    @Parameter(property = "paperclip.dryRun", defaultValue = "false")
    boolean dryRun;

    @Override
    protected List<String> arguments() throws MojoExecutionException {
        if ((count == null) == (to == null)) {
            throw new MojoExecutionException("paperclip:rollback needs exactly one of <count> (-Dpaperclip.count=N) and"
                    + " <to> (-Dpaperclip.to=NNNN).");
        }
        List<String> args = new ArrayList<>(List.of("rollback"));
        option(args, "--count", count);
        option(args, "--to", to);
        flag(args, "--force", force);
        flag(args, "--dry-run", dryRun);
        args.addAll(oneHistory());
        return args;
    }
}
