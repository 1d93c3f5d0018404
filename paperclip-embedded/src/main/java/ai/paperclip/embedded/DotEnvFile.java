package ai.paperclip.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instance {@code .env} file (next to {@code config.json}): {@code KEY=value} lines, with
 * optional {@code export }, {@code #} comments and single or double quotes. Its values never
 * override a variable that is already set, even to an empty string (the dotenv rule).
 *
 * <pre>{@code
 * Map<String, String> env = DotEnvFile.overlay(System.getenv(), home.envFile());
 * }</pre>
 */
public final class DotEnvFile {

    private static final Pattern LINE =
            Pattern.compile("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.]*)\\s*=\\s*(.*?)\\s*$");

    private DotEnvFile() {
    }

    /**
     * The variables of {@code file} in file order; an absent file gives an empty map. A line that is
     * neither blank, a comment nor {@code KEY=value} is an error naming the file and the line.
     */
    public static Map<String, String> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                // The line is not echoed: it may hold a secret.
                throw new ConfigurationException(file + " line " + (i + 1)
                        + " is not KEY=value. Fix or remove that line.");
            }
            values.put(m.group(1), unquote(m.group(2)));
        }
        return Collections.unmodifiableMap(values);
    }

    /**
     * {@code env} plus the variables of {@code file} that {@code env} does not already contain.
     * The result is a new unmodifiable map; {@code env} is not changed.
     */
    public static Map<String, String> overlay(Map<String, String> env, Path file) {
        Map<String, String> merged = new LinkedHashMap<>(env);
        read(file).forEach(merged::putIfAbsent);
        return Collections.unmodifiableMap(merged);
    }

    private static String unquote(String raw) {
        if (raw.length() >= 2) {
            char first = raw.charAt(0);
            char last = raw.charAt(raw.length() - 1);
            if (first == '\'' && last == '\'') {
                return raw.substring(1, raw.length() - 1);
            }
            if (first == '"' && last == '"') {
                return raw.substring(1, raw.length() - 1)
                        .replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
            }
        }
        // An unquoted value ends at " #" (an inline comment), as in dotenv.
        int comment = raw.indexOf(" #");
        return comment >= 0 ? raw.substring(0, comment).stripTrailing() : raw;
    }
}
