package ai.paperclip.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Java snippets of every Markdown file in the repository (README.md, docs/**) are cut from compiled
 * code: each fenced {@code java} block must follow a {@code <!-- snippet: path -->} marker (path from the
 * repository root), and its lines must appear in that file, line by line and in order (indentation aside;
 * lines between may be left out). A {@code java} block without a marker is an error too, so a snippet
 * cannot be written by hand and drift.
 */
class MarkdownSnippetsTest {

    private static final Pattern MARKER = Pattern.compile("<!-- snippet: (\\S+) -->");

    @Test
    void everyJavaSnippetInEveryMarkdownFileIsCutFromTheFileItNames() {
        Path root = MarkdownFiles.repositoryRoot();
        List<Path> markdown = MarkdownFiles.under(root);
        assertThat(markdown).contains(root.resolve("README.md"), root.resolve("docs/migrations.md"));

        List<String> problems = new ArrayList<>();
        int snippets = 0;
        for (Path file : markdown) {
            snippets += check(root.relativize(file).toString(), read(file), path -> read(root.resolve(path)), problems);
        }

        assertThat(problems).isEmpty();
        assertThat(snippets).as("snippets found").isGreaterThanOrEqualTo(15);
    }

    @Test
    void reportsADriftedSnippetAJavaBlockWithoutAMarkerAndAnEmptyOne() {
        List<String> page = List.of(
                "<!-- snippet: src/A.java -->",
                "```java",
                "int a = 1;",
                "int b = 3;",
                "```",
                "",
                "``` Java title=\"C\"",
                "int c = 3;",
                "```",
                "<!-- snippet: src/A.java -->",
                "```java",
                "```");
        List<String> source = List.of("class A {", "    int a = 1;", "    int x = 0;", "    int b = 2;", "}");
        List<String> problems = new ArrayList<>();

        check("page.md", page, path -> source, problems);

        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).contains("page.md:4", "int b = 3;", "src/A.java");
        assertThat(problems.get(1)).contains("page.md:7", "no <!-- snippet: path --> marker");
        assertThat(problems.get(2)).contains("page.md:11", "an empty java block");
    }

    @Test
    void acceptsASnippetCutFromItsSourceWithLinesLeftOut() {
        List<String> page = List.of("  <!-- snippet: src/A.java -->", "  ```java", "  int a = 1;", "", "  int b = 2;", "  ```");
        List<String> source = List.of("class A {", "    int a = 1;", "    int x = 0;", "    int b = 2;", "}");
        List<String> problems = new ArrayList<>();

        assertThat(check("page.md", page, path -> source, problems)).isOne();
        assertThat(problems).isEmpty();
    }

    /** Checks one Markdown file, adds a line per problem, and returns how many marked snippets it has. */
    static int check(String name, List<String> page, Function<String, List<String>> sources, List<String> problems) {
        int snippets = 0;
        boolean inside = false;
        for (int i = 0; i < page.size(); i++) {
            String line = page.get(i).strip();
            if (!line.startsWith("```")) {
                continue;
            }
            inside = !inside;
            if (!inside || !isJava(line)) {
                continue;
            }
            Matcher marker = MARKER.matcher(i > 0 ? page.get(i - 1).strip() : "");
            if (!marker.matches()) {
                problems.add(name + ":" + (i + 1) + ": a java block with no <!-- snippet: path --> marker on the line"
                        + " before; cut it from compiled code and name the file");
                continue;
            }
            snippets++;
            List<String> source = sources.apply(marker.group(1)).stream().map(String::strip).toList();
            int at = 0;
            if (i + 1 >= page.size() || page.get(i + 1).strip().startsWith("```")) {
                problems.add(name + ":" + (i + 1) + ": an empty java block after its snippet marker");
            }
            for (int j = i + 1; j < page.size() && !page.get(j).strip().equals("```"); j++) {
                String snippetLine = page.get(j).strip();
                if (snippetLine.isEmpty()) {
                    continue;
                }
                int found = source.subList(at, source.size()).indexOf(snippetLine);
                if (found < 0) {
                    problems.add(name + ":" + (j + 1) + ": '" + snippetLine + "' is not in " + marker.group(1)
                            + " (after line " + at + "); copy the snippet from the file again");
                    break;
                }
                at += found + 1;
            }
        }
        for (int i = 0; i < page.size(); i++) {
            if (MARKER.matcher(page.get(i).strip()).matches()
                    && (i + 1 >= page.size() || !page.get(i + 1).strip().startsWith("```")
                        || !isJava(page.get(i + 1).strip()))) {
                problems.add(name + ":" + (i + 1) + ": a snippet marker not followed by a ```java block");
            }
        }
        return snippets;
    }

    /** {@code ```java}, {@code ```Java}, {@code ```java title="x"}: any fence whose language is Java. */
    private static boolean isJava(String fence) {
        String info = fence.substring(3).strip();
        return info.split("[\\s{]", 2)[0].equalsIgnoreCase("java");
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (named by a snippet marker?)", e);
        }
    }
}
