package ai.paperclip.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in the repository's Markdown files resolves: the file or directory exists inside
 * the repository, and a {@code #fragment} names a heading of the target page (by GitHub's rule for
 * heading anchors). Links in code blocks and code spans are not links; web addresses are not checked
 * (the build has no network).
 */
class MarkdownLinksTest {

    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern REFERENCE = Pattern.compile("^ {0,3}\\[[^\\]]+\\]:\\s*(\\S+).*");
    private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern NOT_IN_SLUG = Pattern.compile("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]");

    @Test
    void everyRelativeLinkResolvesToAFileAndAHeadingInTheRepository() throws IOException {
        Path root = MarkdownFiles.repositoryRoot();
        List<String> problems = new ArrayList<>();
        int links = 0;
        for (Path file : MarkdownFiles.under(root)) {
            for (String target : links(Files.readAllLines(file))) {
                links++;
                problem(root, file, target).ifPresent(problems::add);
            }
        }

        assertThat(problems).isEmpty();
        assertThat(links).as("relative links found").isGreaterThanOrEqualTo(20);
    }

    @Test
    void anchorsFollowGitHubsRule() {
        assertThat(anchors(List.of(
                "# Command-line tool (paperclip-migrate)",
                "## Decisions (`decisions.txt`)",
                "### Workflow: edit a table → generate → review → check → migrate",
                "## Your own tables beside Paperclip's",
                "```bash",
                "# not a heading",
                "```",
                "## Files",
                "## Files")))
                .containsExactlyInAnyOrder("command-line-tool-paperclip-migrate", "decisions-decisionstxt",
                        "workflow-edit-a-table--generate--review--check--migrate", "your-own-tables-beside-paperclips",
                        "files", "files-1");
    }

    @Test
    void findsLinksOutsideCodeOnly() {
        assertThat(links(List.of(
                "See [Migrations](docs/migrations.md#start-up-policy) and [the site](https://example.com).",
                "`[not](a-link.md)`",
                "[ref]: docs/cli.md#exit-status",
                "[web]: https://example.com",
                "```",
                "[not](either.md)",
                "```")))
                .containsExactly("docs/migrations.md#start-up-policy", "docs/cli.md#exit-status");
    }

    private static Optional<String> problem(Path root, Path file, String target) throws IOException {
        String where = root.relativize(file) + ": link '" + target + "'";
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        Path resolved = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
        if (!resolved.startsWith(root)) {
            return Optional.of(where + " leaves the repository; say it in the repository's own docs");
        }
        if (!Files.exists(resolved)) {
            return Optional.of(where + ": " + root.relativize(resolved) + " does not exist");
        }
        if (hash >= 0 && resolved.toString().endsWith(".md")
                && !anchors(Files.readAllLines(resolved)).contains(target.substring(hash + 1))) {
            return Optional.of(where + ": no heading with that anchor in " + root.relativize(resolved));
        }
        return Optional.empty();
    }

    /** The relative link targets of a page: not in code, not a web or mail address. */
    static List<String> links(List<String> lines) {
        boolean[] fenced = MarkdownFiles.fenced(lines);
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (fenced[i]) {
                continue;
            }
            String text = CODE_SPAN.matcher(lines.get(i)).replaceAll("");
            List<String> found = new ArrayList<>();
            Matcher reference = REFERENCE.matcher(text);
            if (reference.matches()) {
                found.add(reference.group(1));
            }
            Matcher link = LINK.matcher(text);
            while (link.find()) {
                found.add(link.group(1));
            }
            found.stream().filter(target -> !target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")).forEach(targets::add);
        }
        return targets;
    }

    /** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces to hyphens, -1, -2... on repeats. */
    static Set<String> anchors(List<String> lines) {
        boolean[] fenced = MarkdownFiles.fenced(lines);
        Set<String> anchors = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher heading = HEADING.matcher(lines.get(i));
            if (fenced[i] || !heading.matches()) {
                continue;
            }
            String slug = NOT_IN_SLUG.matcher(heading.group(1).toLowerCase(Locale.ROOT)).replaceAll("").replace(' ', '-');
            String anchor = slug;
            for (int n = 1; !anchors.add(anchor); n++) {
                anchor = slug + "-" + n;
            }
        }
        return anchors;
    }
}
