package ai.paperclip.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The repository's Markdown files, for the documentation tests: every {@code *.md} under the repository
 * root, except in hidden directories ({@code .git}) and build output ({@code target}, {@code node_modules}).
 */
final class MarkdownFiles {

    private MarkdownFiles() {
    }

    /** The repository root: the build passes it as {@code paperclip.examples.root}. */
    static Path repositoryRoot() {
        return Path.of(System.getProperty("paperclip.examples.root", "..")).toAbsolutePath().normalize();
    }

    static List<Path> under(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".md"))
                    .filter(file -> Files.isRegularFile(file))
                    .filter(file -> !skipped(root.relativize(file)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean skipped(Path relative) {
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            String part = relative.getName(i).toString();
            if (part.startsWith(".") || part.equals("target") || part.equals("node_modules")) {
                return true;
            }
        }
        return false;
    }

    /**
     * For each line, whether it is inside a fenced code block (the fence lines themselves count as
     * inside), so that text in code is never read as a link or a heading.
     */
    static boolean[] fenced(List<String> lines) {
        boolean[] fenced = new boolean[lines.size()];
        boolean inside = false;
        for (int i = 0; i < lines.size(); i++) {
            boolean fence = lines.get(i).strip().startsWith("```");
            fenced[i] = inside || fence;
            if (fence) {
                inside = !inside;
            }
        }
        return fenced;
    }
}
