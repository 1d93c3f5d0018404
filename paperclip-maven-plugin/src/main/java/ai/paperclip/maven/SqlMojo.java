package ai.paperclip.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code paperclip:sql}: prints the SQL {@code paperclip:migrate} would run for the pending migrations, or with
 * {@code -Drollback} the SQL of rolling back the newest {@code count} (default 1) or all after {@code to}
 * ({@code paperclip-migrate sql}). Reads the history; changes nothing.
 */
@Mojo(name = "sql", threadSafe = true)
public final class SqlMojo extends PaperclipMojo {

    /** Print the rollback SQL instead (of {@code migrationsDirectory}'s history, else Paperclip's). */
    @Parameter(property = "rollback", defaultValue = "false")
    boolean rollback;

    /** With {@code rollback}: how many of the newest applied migrations. */
    @Parameter(property = "paperclip.count")
    Integer count;

    /** With {@code rollback}: every applied migration after this one. */
    @Parameter(property = "paperclip.to")
    String to;

    @Override
    protected List<String> arguments() throws MojoExecutionException {
        List<String> args = new ArrayList<>(List.of("sql"));
        if (rollback) {
            args.add("--rollback");
            option(args, "--count", count);
            option(args, "--to", to);
            args.addAll(oneHistory());
        } else {
            args.addAll(allHistories());
        }
        return args;
    }
}
