package ai.paperclip.maven;

import ai.paperclip.migrate.ExitCode;
import ai.paperclip.migrate.PaperclipMigrate;
import java.io.File;
import java.io.PrintWriter;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * Runs one {@code paperclip-migrate} command in the build's JVM: the CLI's own picocli command line, its
 * stdout as INFO lines and its stderr as WARNING lines ({@code Error: ...} as ERROR), never a terminal (no
 * colours, no questions). A non-zero status fails the build with the CLI's meaning of it: a refusal or gate
 * (3, 4, 11-25) is a build failure, a failure to work (1) or bad configuration (2) a build error.
 */
final class CommandRun {

    private CommandRun() {
    }

    /**
     * @param project the project whose compiled classes and compile class path the command may load (a
     *     {@code schemaClass}), or null
     */
    static void run(List<String> args, MavenProject project, Log log) throws MojoExecutionException, MojoFailureException {
        String command = args.get(0);
        LineWriter out = new LineWriter(log::info);
        LineWriter err = new LineWriter(line -> {
            if (line.startsWith("Error: ")) {
                log.error(line);
            } else {
                log.warn(line);
            }
        });
        int status;
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader classes = projectClasses(project)) {
            thread.setContextClassLoader(classes);
            status = PaperclipMigrate.execute(System.getenv(), new PrintWriter(out, true), new PrintWriter(err, true),
                    args.toArray(String[]::new));
        } catch (java.io.IOException e) {
            throw new MojoExecutionException("Cannot close the project's class loader: " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
            out.flush();
            err.flush();
        }
        if (status == ExitCode.OK.code()) {
            return;
        }
        String meaning = Arrays.stream(ExitCode.values()).filter(c -> c.code() == status).findFirst()
                .map(ExitCode::meaning).orElse("see the messages above");
        String message = "paperclip:" + command + " failed with exit status " + status + " (" + meaning + ")";
        if (status == ExitCode.FAILURE.code() || status == ExitCode.USAGE.code()) {
            throw new MojoExecutionException(message);
        }
        throw new MojoFailureException(message);
    }

    /** The project's classes over the plugin's (parent first: the plugin's Paperclip classes win). */
    private static URLClassLoader projectClasses(MavenProject project) throws MojoExecutionException {
        ClassLoader plugin = CommandRun.class.getClassLoader();
        if (project == null) {
            return new URLClassLoader(new URL[0], plugin);
        }
        try {
            List<URL> urls = new ArrayList<>();
            for (String element : project.getCompileClasspathElements()) {
                urls.add(new File(element).toURI().toURL());
            }
            return new URLClassLoader(urls.toArray(URL[]::new), plugin);
        } catch (DependencyResolutionRequiredException | MalformedURLException e) {
            throw new MojoExecutionException("Cannot use the project's class path: " + e.getMessage(), e);
        }
    }
}
