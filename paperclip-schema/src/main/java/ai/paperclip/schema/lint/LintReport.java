package ai.paperclip.schema.lint;

import ai.paperclip.schema.model.SchemaJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@link MigrationLint} found, for people ({@link #text()}), tools ({@link #json()}) and GitHub
 * Actions ({@link #githubAnnotations()}).
 *
 * @param files the files linted
 * @param statements the statements read
 * @param silenced the findings a silencing comment with a reason took out
 * @param findings what is left, in file and line order
 */
public record LintReport(int files, int statements, int silenced, List<LintFinding> findings) {

    public LintReport {
        findings = List.copyOf(findings);
    }

    /** True when no finding is an {@link LintRule.Severity#ERROR} (warnings are reported, not failed). */
    public boolean ok() {
        return errors().isEmpty();
    }

    public List<LintFinding> errors() {
        return findings.stream().filter(f -> f.rule().severity() == LintRule.Severity.ERROR).toList();
    }

    /** One block per finding ({@code file:line: rule: message}, the statement, the fix), then a summary line. */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (LintFinding f : findings) {
            out.append(f.headline()).append(f.rule().severity() == LintRule.Severity.WARNING ? " (warning)" : "")
                    .append('\n').append("    ").append(f.statement()).append('\n')
                    .append("    fix: ").append(f.rule().fix()).append('\n');
        }
        return out.append(summary()).toString();
    }

    /** {@code Lint: 3 files, 41 statements: 1 error, 2 warnings (1 silenced).} */
    public String summary() {
        int errors = errors().size();
        int warnings = findings.size() - errors;
        return "Lint: " + plural(files, "file") + ", " + plural(statements, "statement") + ": "
                + (findings.isEmpty() ? "no findings" : plural(errors, "error") + ", " + plural(warnings, "warning"))
                + (silenced > 0 ? " (" + silenced + " silenced)" : "") + ".";
    }

    /** The report as a JSON object: {@code ok}, counts, and each finding with its rule's reason and fix. */
    public String json() {
        try {
            return SchemaJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(asMap());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@link #json()} writes, as maps and lists, for embedding in a larger JSON report. */
    public Map<String, Object> asMap() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("ok", ok());
        report.put("files", files);
        report.put("statements", statements);
        report.put("silenced", silenced);
        report.put("findings", findings.stream().map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", f.rule().id());
            m.put("severity", f.rule().severity().name().toLowerCase());
            m.put("file", f.file());
            m.put("line", f.line());
            m.put("table", f.table());
            m.put("message", f.message());
            m.put("statement", f.statement());
            m.put("reason", f.rule().reason());
            m.put("fix", f.rule().fix());
            return m;
        }).toList());
        return report;
    }

    /**
     * GitHub Actions workflow commands, one line per finding:
     * {@code ::error file=F,line=N,title=rule::message. Fix: ...}, escaped as the runner expects.
     */
    public String githubAnnotations() {
        return findings.stream().map(f -> "::" + (f.rule().severity() == LintRule.Severity.ERROR ? "error" : "warning")
                + " file=" + property(f.file()) + ",line=" + f.line() + ",title=" + property(f.rule().id())
                + "::" + data(f.message() + ". Fix: " + f.rule().fix())).collect(Collectors.joining("\n"));
    }

    private static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
