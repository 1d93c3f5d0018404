package ai.paperclip.migrate.internal;

import ai.paperclip.db.migration.MigrationSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --migrations}, as the database commands take it: the committed histories to apply or compare, each a
 * folder or a {@code classpath:} location, in order; Paperclip's bundled history when none is given.
 * ({@code check} and {@code generate} work on one folder of files instead: {@link GeneratorFolder}.)
 */
public final class MigrationsOption {

    /** Marks a location on the class path rather than a folder. */
    public static final String CLASSPATH_PREFIX = "classpath:";

    @Option(names = "--migrations", paramLabel = "DIR|classpath:LOCATION",
            description = "A migrations folder (generate's --out), or classpath:<location> (e.g."
                    + " classpath:ai/paperclip/schema/migrations); repeat to apply several histories in order."
                    + " Default: Paperclip's bundled history.")
    List<String> locations = new ArrayList<>();

    /** The histories given, or Paperclip's own. */
    public List<MigrationSource> sources() {
        if (locations.isEmpty()) {
            return List.of(MigrationSource.paperclip());
        }
        return locations.stream().map(MigrationsOption::source).toList();
    }

    static MigrationSource source(String value) {
        if (value.startsWith(CLASSPATH_PREFIX)) {
            return MigrationSource.classpath(MigrationsOption.class.getClassLoader(),
                    value.substring(CLASSPATH_PREFIX.length()));
        }
        return MigrationSource.folder(Path.of(value));
    }
}
