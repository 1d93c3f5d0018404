package ai.paperclip.embedded.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which directories may be a data directory. Reset deletes the data directory whole, so it may never
 * be, nor contain, a directory that holds other things: the file system root, the user's home, the
 * Paperclip home, the instance directory or (for a relative setting) the working directory. Paths
 * are compared as written and, where they exist, with symbolic links resolved.
 */
public final class DataDirectoryRule {

    /** A directory the data directory may not be nor contain, and what to call it in messages. */
    public record Guarded(Path path, String what) {
    }

    private DataDirectoryRule() {
    }

    /**
     * The guarded directories every check uses: the user's home as the JVM knows it is a safety net here,
     * not a setting (the one place the library reads {@code user.home} for a refusal).
     */
    public static List<Guarded> always(String userHome) {
        List<Guarded> guarded = new ArrayList<>();
        if (userHome != null && !userHome.isBlank()) {
            guarded.add(new Guarded(Path.of(userHome), "your home directory (HOME)"));
        }
        String jvmHome = System.getProperty("user.home");
        if (jvmHome != null && !jvmHome.isBlank() && !jvmHome.equals("?")) {
            guarded.add(new Guarded(Path.of(jvmHome), "your home directory"));
        }
        return guarded;
    }

    /** Why {@code candidate} cannot be a data directory ("is your home directory"), or empty when it can. */
    public static Optional<String> problem(Path candidate, List<Guarded> guarded) {
        List<Path> forms = forms(candidate);
        for (Path form : forms) {
            if (form.getNameCount() == 0) {
                return Optional.of("is the root of the file system");
            }
        }
        for (Guarded g : guarded) {
            for (Path protectedForm : forms(g.path())) {
                for (Path form : forms) {
                    if (protectedForm.equals(form)) {
                        return Optional.of("is " + g.what() + " (" + g.path() + ")");
                    }
                    if (protectedForm.startsWith(form)) {
                        return Optional.of("contains " + g.what() + " (" + g.path() + ")");
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** True when {@code directory} holds a PostgreSQL cluster: {@code PG_VERSION} and {@code global/pg_control}. */
    public static boolean holdsCluster(Path directory) {
        return Files.isRegularFile(directory.resolve("PG_VERSION"))
                && Files.isRegularFile(directory.resolve("global").resolve("pg_control"));
    }

    private static List<Path> forms(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        List<Path> forms = new ArrayList<>(List.of(absolute));
        try {
            if (Files.exists(absolute)) {
                Path real = absolute.toRealPath();
                if (!real.equals(absolute)) {
                    forms.add(real);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Unreadable: the path as written is still compared.
        }
        return forms;
    }
}
