package ai.paperclip.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code paperclip:check}: the CI gate ({@code paperclip-migrate check}): fails the build when the definitions of
 * {@code schemaClass} have changes no migration in {@code migrationsDirectory} covers (exit status 11), when two
 * migrations follow the same snapshot (12), a committed one was edited (13), the index and the files disagree
 * (14), or a migration controls its own transaction (15). Bound to {@code verify}: an execution with this goal
 * makes {@code mvn verify} the gate. No database unless {@code checkDatabase}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.COMPILE,
        threadSafe = true)
public final class CheckMojo extends SchemaMojo {

    /**
     * Also requires the database to have every migration applied (3), as committed (13), and its schema to match
     * the snapshot of its newest applied migration (16, drift).
     */
    @Parameter(property = "paperclip.checkDatabase", defaultValue = "false")
    boolean checkDatabase;

    @Override
    protected List<String> arguments() throws MojoExecutionException {
        if (migrationsDirectory == null) {
            throw new MojoExecutionException("paperclip:check needs <migrationsDirectory>: the folder generate writes"
                    + " for " + schemaClass + ".");
        }
        List<String> args = new ArrayList<>(List.of("check", "--schema", schemaClass, "--migrations",
                migrationsDirectory.getAbsolutePath()));
        flag(args, "--database", checkDatabase);
        return args;
    }
}
