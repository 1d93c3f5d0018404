package ai.paperclip.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No module uses another module's {@code internal} packages: they are not API, may change in any release,
 * and a user's code must be able to do whatever our own modules do. Scans the main and test sources of
 * every module of the repository, imports and fully qualified names alike.
 */
class ModuleBoundariesTest {

    /** A reference to a package of ours whose name has an {@code internal} segment. */
    private static final Pattern INTERNAL_REFERENCE =
            Pattern.compile("\\b(ai\\.paperclip(?:\\.[a-z][a-z0-9_]*)*\\.internal)(?:\\.[A-Za-z_][A-Za-z0-9_]*)*");

    private static Path root;
    private static Map<String, String> owners;

    @BeforeAll
    static void findModules() throws IOException {
        root = Path.of(System.getProperty("paperclip.examples.root", "..")).toAbsolutePath().normalize();
        owners = new HashMap<>();
        for (Path module : modules()) {
            Path main = module.resolve("src/main/java");
            if (!Files.isDirectory(main)) {
                continue;
            }
            try (Stream<Path> dirs = Files.walk(main)) {
                dirs.filter(Files::isDirectory).filter(d -> !d.equals(main))
                        .forEach(d -> owners.put(main.relativize(d).toString().replace('/', '.'), name(module)));
            }
        }
    }

    @Test
    void noModuleReferencesAnotherModulesInternalPackage() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path module : modules()) {
            Path src = module.resolve("src");
            if (!Files.isDirectory(src)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(src)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    violations.addAll(violations(name(module), root.relativize(file).toString(), Files.readString(file)));
                }
            }
        }
        assertThat(owners).as("the modules' packages were found").containsKeys("ai.paperclip.schema.migration.internal",
                "ai.paperclip.db.internal", "ai.paperclip.embedded.internal", "ai.paperclip.migrate.internal");
        assertThat(violations).as("references to another module's internal package").isEmpty();
    }

    @Test
    void theScanFindsAnImportAndAQualifiedNameOfAnotherModulesInternalPackage() {
        String source = """
                package ai.paperclip.db.introspect;

                import ai.paperclip.db.internal.Redaction;
                import ai.paperclip.schema.migration.internal.Journal;

                class X {
                    Object o = ai.paperclip.embedded.internal.Ports.class;
                }
                """;

        assertThat(violations("paperclip-db", "X.java", source)).containsExactly(
                "X.java:4 (paperclip-db) uses ai.paperclip.schema.migration.internal of paperclip-schema",
                "X.java:7 (paperclip-db) uses ai.paperclip.embedded.internal of paperclip-embedded");
    }

    @Test
    void aPackageNamedInAStringIsNotAUse() {
        String source = "class Y {\n    String s = \"ai.paperclip.embedded.internal.Ports\";\n"
                + "    char q = '\"';\n    Object o = ai.paperclip.embedded.internal.Ports.class;\n}\n";

        assertThat(violations("paperclip-db", "Y.java", source))
                .containsExactly("Y.java:4 (paperclip-db) uses ai.paperclip.embedded.internal of paperclip-embedded");
    }

    private static List<String> violations(String module, String file, String source) {
        List<String> found = new ArrayList<>();
        String[] lines = withoutStringLiterals(source).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = INTERNAL_REFERENCE.matcher(lines[i]);
            while (m.find()) {
                String owner = owners.get(m.group(1));
                if (owner != null && !owner.equals(module)) {
                    found.add(file + ":" + (i + 1) + " (" + module + ") uses " + m.group(1) + " of " + owner);
                }
            }
        }
        return found;
    }

    /**
     * The source with the content of string literals and text blocks blanked (line breaks kept): a package
     * named in a string is data (this test names some), not a use.
     */
    static String withoutStringLiterals(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? source.length() : end + 3;
                source.substring(i, end).chars().forEach(c -> out.append(c == '\n' ? '\n' : ' '));
                i = end;
            } else if (source.charAt(i) == '"') {
                int end = i + 1;
                while (end < source.length() && source.charAt(end) != '"' && source.charAt(end) != '\n') {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                // A quote in a comment may have no partner on its line: stop before the line break, never blank it.
                end = end < source.length() && source.charAt(end) == '"' ? end + 1 : Math.min(end, source.length());
                out.append(" ".repeat(end - i));
                i = end;
            } else if (isCharLiteral(source, i)) {
                int end = source.indexOf('\'', i + 1 + (source.charAt(i + 1) == '\\' ? 2 : 1)) + 1;
                out.append(" ".repeat(end - i));
                i = end;
            } else {
                out.append(source.charAt(i++));
            }
        }
        return out.toString();
    }

    /** A char literal ({@code 'a'}, {@code '\\n'}, {@code '\\u0041'}) starts here, not an apostrophe in a comment. */
    private static boolean isCharLiteral(String source, int i) {
        if (source.charAt(i) != '\'' || i + 2 >= source.length() || source.charAt(i + 1) == '\n') {
            return false;
        }
        int end = source.indexOf('\'', i + 1 + (source.charAt(i + 1) == '\\' ? 2 : 1));
        return end > i && end <= i + 7 && source.substring(i, end).indexOf('\n') < 0;
    }

    private static List<Path> modules() throws IOException {
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(d -> Files.isRegularFile(d.resolve("pom.xml")) && Files.isDirectory(d.resolve("src")))
                    .sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String name(Path module) {
        return module.getFileName().toString();
    }
}
