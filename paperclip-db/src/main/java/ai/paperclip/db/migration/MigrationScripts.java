package ai.paperclip.db.migration;

import ai.paperclip.schema.migration.CommittedMigrations;
import ai.paperclip.schema.migration.MigrationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The SQL that {@link Migrator#migrate} would run for the pending migrations, read from the committed files
 * after one read of the history table ({@link Migrator#status()}); nothing is locked, written or run. What the
 * CLI's {@code sql} command and the Maven plugin's {@code sql} goal print, for a reviewer or a DBA who applies
 * migrations by hand.
 *
 * <p>Each script is its migration file without its {@code --rollback} lines (comments that Liquibase runs only
 * on rollback): the {@code --changeset} lines stay, since they say which statements share a transaction.
 * Liquibase also inserts one row per changeset into {@code databasechangelog}; those rows are not shown.
 */
public final class MigrationScripts {

    private static final String ROLLBACK_LINE = "--rollback";

    /**
     * One pending migration's SQL.
     *
     * @param migration its tag ({@code NNNN_name})
     * @param location the history it belongs to ({@code classpath:...} or a folder)
     * @param sql the statements, with the {@code --changeset} comment lines
     */
    public record Script(String migration, String location, String sql) {
    }

    private MigrationScripts() {
    }

    /**
     * The pending migrations' SQL, in the order {@code migrate} applies them.
     *
     * @throws ai.paperclip.db.PaperclipDbException when the history table cannot be read
     */
    public static List<Script> pending(Migrator migrator) {
        Set<String> pending = new HashSet<>(migrator.status().pending());
        List<Script> scripts = new ArrayList<>();
        for (MigrationSource source : migrator.sources()) {
            CommittedMigrations history = source.read();
            for (CommittedMigrations.Migration m : history.migrations()) {
                if (pending.contains(m.tag())) {
                    scripts.add(new Script(m.tag(), history.location(), withoutRollback(read(source, m.fileName()))));
                }
            }
        }
        return List.copyOf(scripts);
    }

    /** {@code sql} without its {@code --rollback} lines. */
    static String withoutRollback(String sql) {
        StringBuilder kept = new StringBuilder();
        sql.lines().filter(line -> !line.stripLeading().startsWith(ROLLBACK_LINE))
                .forEach(line -> kept.append(line).append('\n'));
        return kept.toString().stripTrailing() + "\n";
    }

    private static String read(MigrationSource source, String fileName) {
        try {
            if (source.folder().isPresent()) {
                Path file = source.folder().get().resolve(fileName);
                return Files.readString(file, StandardCharsets.UTF_8);
            }
            String resource = source.location() + "/" + fileName;
            try (InputStream in = source.classLoader().orElseThrow().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new MigrationException("classpath:" + resource + " is missing: the history lists it.");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + fileName + " of " + source.location() + ": " + e.getMessage(), e);
        }
    }
}
