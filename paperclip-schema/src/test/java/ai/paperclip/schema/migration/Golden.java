package ai.paperclip.schema.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compares a generated folder with a golden folder under {@code src/test/resources/golden}, file
 * by file, byte for byte. Run with {@code -Dgolden.update=true} to rewrite the golden files after
 * an intended change, then review the diff in version control.
 */
final class Golden {

    private static final Path ROOT = Path.of("src/test/resources/golden");

    private Golden() {
    }

    static void assertFolderMatches(Path generated, String name) throws IOException {
        Path golden = ROOT.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            copy(generated, golden);
        }
        assertThat(relativeFiles(generated)).as("files of %s", name).isEqualTo(relativeFiles(golden));
        for (String file : relativeFiles(golden)) {
            assertThat(Files.readString(generated.resolve(file), StandardCharsets.UTF_8))
                    .as("generated %s of %s", file, name)
                    .isEqualTo(Files.readString(golden.resolve(file), StandardCharsets.UTF_8));
        }
    }

    static List<String> relativeFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().collect(Collectors.toList());
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        if (Files.isDirectory(to)) {
            try (Stream<Path> old = Files.walk(to)) {
                for (Path p : old.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                    Files.delete(p);
                }
            }
        }
        for (String file : relativeFiles(from)) {
            Files.createDirectories(to.resolve(file).getParent());
            Files.copy(from.resolve(file), to.resolve(file));
        }
    }
}
