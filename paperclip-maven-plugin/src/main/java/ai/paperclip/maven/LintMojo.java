package ai.paperclip.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code paperclip:lint}: the live-safety rules on migration SQL ({@code paperclip-migrate lint}): indexes without
 * {@code CONCURRENTLY}, constraints without {@code NOT VALID}, no {@code lock_timeout}, unbatched back-fills, ... The
 * build fails (exit status 17) on an error-level finding. Lints {@code lintFiles} when given (files or folders, in
 * order), else {@code migrationsDirectory}, else Paperclip's bundled history. No database needed. In a GitHub Actions
 * job the findings are also annotations, as with the CLI.
 */
@Mojo(name = "lint", threadSafe = true)
public final class LintMojo extends PaperclipMojo {

    /** SQL files or migrations folders to lint instead, relative to the project's directory ({@code a.sql,db/}). */
    @Parameter(property = "paperclip.lintFiles")
    List<String> lintFiles;

    @Override
    protected List<String> arguments() throws MojoExecutionException {
        List<String> args = new ArrayList<>(List.of("lint"));
        if (lintFiles != null && !lintFiles.isEmpty()) {
            for (String given : lintFiles) {
                File file = new File(given.strip());
                args.add((file.isAbsolute() ? file : new File(project.getBasedir(), given.strip())).getAbsolutePath());
            }
        } else if (migrationsDirectory != null) {
            args.add("--migrations");
            args.add(migrationsDirectory.getAbsolutePath());
        }
        return args;
    }
}
