package ai.paperclip.migrate.internal;

import ai.paperclip.schema.lint.LintReport;

/** How {@code lint} and {@code check} print a {@link LintReport}. */
public final class LintOutput {

    private LintOutput() {
    }

    /**
     * The report as JSON, or as text (findings and summary on out); in a GitHub Actions job
     * ({@code GITHUB_ACTIONS=true} in the environment the CLI was given) also the annotations, on out where
     * the runner reads workflow commands.
     */
    public static void print(LintReport report, boolean json, CliContext context) {
        if (json) {
            context.out().println(report.json());
        } else {
            context.out().println(report.text());
        }
        if ("true".equalsIgnoreCase(context.environment().get("GITHUB_ACTIONS")) && !report.findings().isEmpty()) {
            context.out().println(report.githubAnnotations());
        }
        context.out().flush();
    }
}
