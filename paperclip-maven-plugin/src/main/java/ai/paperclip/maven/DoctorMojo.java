package ai.paperclip.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code paperclip:doctor}: one line per check of the database ({@code paperclip-migrate doctor}): connection,
 * server version, {@code pg_trgm}, connections, migration status, the embedded server's directory and locks;
 * the build fails (exit status 23) when a check fails.
 */
@Mojo(name = "doctor", threadSafe = true)
public final class DoctorMojo extends PaperclipMojo {

    /** How long the connection test waits for the server, in whole seconds (1 or more); the CLI's default when unset. */
    @Parameter(property = "paperclip.timeout")
    Integer timeout;

    @Override
    protected List<String> arguments() throws MojoExecutionException {
        List<String> args = new ArrayList<>(List.of("doctor"));
        option(args, "--timeout", timeout);
        args.addAll(allHistories());
        return args;
    }
}
