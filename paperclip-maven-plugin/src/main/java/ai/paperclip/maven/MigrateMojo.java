package ai.paperclip.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * {@code paperclip:migrate}: applies the pending migrations of Paperclip's history and then
 * {@code migrationsDirectory}'s under the migration lock ({@code paperclip-migrate migrate}); refuses a database
 * with tables but no history (run {@code paperclip:adopt}).
 */
@Mojo(name = "migrate", threadSafe = true)
public final class MigrateMojo extends PaperclipMojo {

    @Override
    protected List<String> arguments() throws MojoExecutionException {
        List<String> args = new ArrayList<>(List.of("migrate"));
        args.addAll(allHistories());
        return args;
    }
}
