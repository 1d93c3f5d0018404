package ai.paperclip.embedded;

import ai.paperclip.embedded.internal.BoundedFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instance {@code .env} file (next to {@code config.json}), read as the {@code dotenv} package
 * Paperclip uses reads it: {@code KEY=value} lines, optional {@code export }, {@code #} comments (a whole
 * line, or after a value), values in single, double or back quotes (a double-quoted value expands
 * {@code \n} and {@code \r}; quoted values may span lines), surrounding blanks trimmed. Its values never
 * override a variable that is already set, even to an empty string (the dotenv rule).
 *
 * <p>One deliberate difference: an unquoted value ends at {@code " #"} (a blank, then {@code #}), not at
 * any {@code #}, so that a password holding {@code #} is not cut in two. The file is read up to
 * {@value #MAX_BYTES} bytes; a larger one (or {@code /dev/zero}) is an error naming the file.
 *
 * <pre>{@code
 * Map<String, String> env = DotEnvFile.overlay(System.getenv(), home.envFile());
 * }</pre>
 */
public final class DotEnvFile {

    /** The most a {@code .env} file may hold: far more than any real one, far less than memory. */
    public static final int MAX_BYTES = 1024 * 1024;

    // A key, then '=' and a value up to the end of the line (quoted values: up to the closing quote).
    private static final Pattern KEY = Pattern.compile("[ \\t]*(?:export[ \\t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \\t]*=[ \\t]*");
    private static final Pattern QUOTED = Pattern.compile("(['\"`])((?:\\\\\\1|(?!\\1).)*)\\1[ \\t]*(?:#[^\\n]*)?(?:\\n|$)",
            Pattern.DOTALL);

    private DotEnvFile() {
    }

    /**
     * The variables of {@code file} in file order; an absent file gives an empty map. A line that is
     * neither blank, a comment nor {@code KEY=value} is an error naming the file and the line (never
     * echoing it: it may hold a secret).
     *
     * @throws ConfigurationException when the file cannot be read, is larger than {@value #MAX_BYTES}
     *     bytes, or holds a line that is not {@code KEY=value}
     */
    public static Map<String, String> read(Path file) {
        byte[] bytes = BoundedFiles.read(file, MAX_BYTES, "a .env file");
        if (bytes == null) {
            return Map.of();
        }
        String text = new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n").replace('\r', '\n');
        Map<String, String> values = new LinkedHashMap<>();
        int position = 0;
        while (position < text.length()) {
            int lineEnd = text.indexOf('\n', position);
            String line = text.substring(position, lineEnd < 0 ? text.length() : lineEnd);
            if (line.isBlank() || line.strip().startsWith("#")) {
                position = lineEnd < 0 ? text.length() : lineEnd + 1;
                continue;
            }
            Matcher key = KEY.matcher(text).region(position, text.length());
            if (!key.lookingAt()) {
                throw notKeyValue(file, text, position);
            }
            Matcher quoted = QUOTED.matcher(text).region(key.end(), text.length());
            if (quoted.lookingAt()) {
                values.put(key.group(1), unescape(quoted.group(1).charAt(0), quoted.group(2)));
                position = quoted.end();
            } else {
                String raw = text.substring(key.end(), lineEnd < 0 ? text.length() : lineEnd);
                values.put(key.group(1), unquoted(raw));
                position = lineEnd < 0 ? text.length() : lineEnd + 1;
            }
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

    private static String unescape(char quote, String value) {
        if (quote == '"') {
            return value.replace("\\n", "\n").replace("\\r", "\r"); // dotenv expands these two only
        }
        return value;
    }

    // An unquoted value ends at " #" (an inline comment); a lone quote is kept as written.
    private static String unquoted(String raw) {
        int comment = raw.startsWith("#") ? 0 : raw.indexOf(" #");
        int tab = raw.indexOf("\t#");
        if (tab >= 0 && (comment < 0 || tab < comment)) {
            comment = tab;
        }
        return (comment >= 0 ? raw.substring(0, comment) : raw).strip();
    }

    private static ConfigurationException notKeyValue(Path file, String text, int position) {
        long line = text.substring(0, position).chars().filter(c -> c == '\n').count() + 1;
        return new ConfigurationException(file + " line " + line + " is not KEY=value. Fix or remove that line.");
    }
}
