package ai.paperclip.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * {@code paperclip:status}: applied and pending migrations ({@code paperclip-migrate status}); the build fails
 * (exit status 3) when the database needs migrations.
 */
@Mojo(name = "status", threadSafe = true)
public final class StatusMojo extends PaperclipMojo {

    @Override
    protected List<String> arguments() throws MojoExecutionException {
        List<String> args = new ArrayList<>(List.of("status"));
        args.addAll(allHistories());
        return args;
    }
}
