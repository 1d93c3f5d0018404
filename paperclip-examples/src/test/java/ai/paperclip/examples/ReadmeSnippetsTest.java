package ai.paperclip.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's Java snippets are cut from the examples, so they compile: each block after a
 * {@code <!-- snippet: path -->} marker must appear in that file, line by line and in order (indentation
 * aside; lines between may be left out).
 */
class ReadmeSnippetsTest {

    private static final Pattern MARKER = Pattern.compile("<!-- snippet: (\\S+) -->");

    private record Snippet(String path, List<String> lines) {
    }

    @Test
    void everyMarkedSnippetIsCutFromTheFileItNames() throws IOException {
        Path root = Path.of(System.getProperty("paperclip.examples.root", "..")).toAbsolutePath().normalize();
        List<Snippet> snippets = snippets(Files.readAllLines(root.resolve("README.md")));

        assertThat(snippets).hasSizeGreaterThanOrEqualTo(7);
        for (Snippet snippet : snippets) {
            List<String> source = Files.readAllLines(root.resolve(snippet.path())).stream().map(String::strip).toList();
            int at = 0;
            for (String line : snippet.lines()) {
                int found = source.subList(at, source.size()).indexOf(line);
                assertThat(found).as("README snippet line '%s' is in %s (after line %d)", line, snippet.path(), at)
                        .isNotNegative();
                at += found + 1;
            }
        }
    }

    private static List<Snippet> snippets(List<String> readme) {
        List<Snippet> snippets = new ArrayList<>();
        for (int i = 0; i < readme.size(); i++) {
            Matcher marker = MARKER.matcher(readme.get(i));
            if (!marker.matches()) {
                continue;
            }
            assertThat(readme.get(i + 1)).as("the line after %s", readme.get(i)).isEqualTo("```java");
            List<String> lines = new ArrayList<>();
            for (int j = i + 2; !readme.get(j).equals("```"); j++) {
                if (!readme.get(j).isBlank()) {
                    lines.add(readme.get(j).strip());
                }
            }
            snippets.add(new Snippet(marker.group(1), lines));
        }
        return snippets;
    }
}
