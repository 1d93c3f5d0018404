package ai.paperclip.schema.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The set of explicit decisions a diff may use: renames and permissions for data-losing changes.
 * Read from the committed {@value #FILE_NAME} of a migrations folder (lines as in {@link Decision};
 * {@code #} starts a comment; blank lines are ignored), or built in code.
 */
public final class Decisions {

    /** The decisions file in a migrations folder. */
    public static final String FILE_NAME = "decisions.txt";

    private static final Decisions NONE = new Decisions(List.of());

    private final Set<Decision> decisions;
    private final List<Decision> ordered;

    private Decisions(Collection<Decision> decisions) {
        this.ordered = List.copyOf(new LinkedHashSet<>(decisions));
        this.decisions = Set.copyOf(ordered);
    }

    public static Decisions none() {
        return NONE;
    }

    public static Decisions of(Decision... decisions) {
        return new Decisions(List.of(decisions));
    }

    public static Decisions of(Collection<Decision> decisions) {
        return new Decisions(decisions);
    }

    /**
     * Parses the text of a decisions file.
     *
     * @throws MigrationException naming the line number of a line that is not a decision
     */
    public static Decisions parse(String text) {
        List<Decision> parsed = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String content = stripComment(lines[i]);
            if (content.isEmpty()) {
                continue;
            }
            try {
                parsed.add(Decision.parse(content));
            } catch (IllegalArgumentException e) {
                throw new MigrationException(FILE_NAME + " line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return new Decisions(parsed);
    }

    /** Reads {@value #FILE_NAME} from a migrations folder; no file means no decisions. */
    public static Decisions read(Path migrationsFolder) {
        Path file = migrationsFolder.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return NONE;
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** The text of a line without its {@code #} comment, trimmed. */
    public static String stripComment(String line) {
        int hash = line.indexOf('#');
        return (hash >= 0 ? line.substring(0, hash) : line).strip();
    }

    public boolean contains(Decision decision) {
        return decisions.contains(decision);
    }

    /** A new set with one more decision (for answers given at a prompt). */
    public Decisions with(Decision decision) {
        List<Decision> all = new ArrayList<>(ordered);
        all.add(decision);
        return new Decisions(all);
    }

    /** The decisions in the order they were given. */
    public List<Decision> list() {
        return ordered;
    }

    public boolean isEmpty() {
        return ordered.isEmpty();
    }

    @Override
    public String toString() {
        return ordered.toString();
    }
}
