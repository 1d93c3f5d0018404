package ai.paperclip.db.testing;

import ai.paperclip.db.PaperclipDb;
import ai.paperclip.db.PaperclipDbOptions;
import ai.paperclip.db.migration.MigrationConsole;
import ai.paperclip.db.migration.MigrationSource;
import java.nio.file.Path;

/**
 * What a child JVM of the tests runs: one application start-up, {@code PaperclipDb.create(url)} with
 * auto-apply on, against the history in folder {@code args[1]} (or Paperclip's own for "paperclip").
 * Prints {@code CREATED <ms>} when create returned, so a parent can read the figure.
 */
public final class MigrateMain {

    private MigrateMain() {
    }

    public static void main(String[] args) {
        MigrationSource source = args[1].equals("paperclip") ? MigrationSource.paperclip() : MigrationSource.folder(Path.of(args[1]));
        PaperclipDbOptions options = PaperclipDbOptions.builder().migrations(source).migrationAutoApply(true)
                .migrationConsole(MigrationConsole.none()).build();
        long start = System.nanoTime();
        try (PaperclipDb db = PaperclipDb.create(args[0], options)) {
            String line = String.format("CREATED %.1f", (System.nanoTime() - start) / 1e6);
            System.out.println(line); // formatted first: class-load logging must not split the line
        }
    }
}
