package ai.paperclip.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal shares: it runs the {@code paperclip-migrate} command of the same name in the build's JVM
 * ({@link CommandRun}), so a goal and the CLI have one implementation, the same messages and the same exit
 * statuses (a non-zero one fails the build, naming it). The database is found as the CLI finds it, from the
 * environment ({@code DATABASE_URL}, {@code DATABASE_MIGRATION_URL}, the instance's {@code .env},
 * {@code config.json}, else the embedded server): a URL with a password never belongs in a pom, where
 * {@code mvn -X} would print it.
 */
public abstract class PaperclipMojo extends AbstractMojo {

    /** The classpath location of Paperclip's own migration history inside paperclip-schema. */
    static final String PAPERCLIP_HISTORY = "classpath:ai/paperclip/schema/migrations";

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** Skips the goal. */
    @Parameter(property = "paperclip.skip", defaultValue = "false")
    boolean skip;

    /** Adds the stack trace of an error to the build's output. */
    @Parameter(property = "paperclip.verbose", defaultValue = "false")
    boolean verbose;

    /**
     * The host application's own migration history, the folder {@code generate} writes (the CLI's
     * {@code --migrations} and {@code --out}); applied after Paperclip's own.
     */
    @Parameter(property = "paperclip.migrationsDirectory")
    File migrationsDirectory;

    /** Whether {@code migrate}, {@code status}, {@code doctor} and {@code sql} include Paperclip's own history. */
    @Parameter(property = "paperclip.includePaperclipMigrations", defaultValue = "true")
    boolean includePaperclipMigrations;

    /** The command's name and options, as the CLI takes them. */
    protected abstract List<String> arguments() throws MojoExecutionException;

    /** Whether the command loads the project's classes (a {@code schemaClass}). */
    protected boolean usesProjectClasses() {
        return false;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipped (paperclip.skip).");
            return;
        }
        List<String> args = new ArrayList<>(arguments());
        if (verbose) {
            args.add("--verbose");
        }
        CommandRun.run(args, usesProjectClasses() ? project : null, getLog());
    }

    /** {@code --migrations} for the histories applied in order: Paperclip's (unless excluded), then the host's. */
    protected List<String> allHistories() throws MojoExecutionException {
        List<String> args = new ArrayList<>();
        if (includePaperclipMigrations && migrationsDirectory != null) {
            args.add("--migrations");
            args.add(PAPERCLIP_HISTORY);
        }
        if (migrationsDirectory != null) {
            args.add("--migrations");
            args.add(migrationsDirectory.getAbsolutePath());
        } else if (!includePaperclipMigrations) {
            throw new MojoExecutionException("includePaperclipMigrations is false and no migrationsDirectory is set:"
                    + " there is no migration history to use. Set <migrationsDirectory>.");
        }
        return args;
    }

    /** {@code --migrations} for the goals that work on one history: the host's when set, else Paperclip's. */
    protected List<String> oneHistory() {
        return migrationsDirectory == null ? List.of() : List.of("--migrations", migrationsDirectory.getAbsolutePath());
    }

    /** {@code name value} when {@code value} is set. */
    protected static void option(List<String> args, String name, Object value) {
        if (value != null) {
            args.add(name);
            args.add(value.toString());
        }
    }

    /** {@code name} when {@code on}. */
    protected static void flag(List<String> args, String name, boolean on) {
        if (on) {
            args.add(name);
        }
    }
}
