package ai.paperclip.db.backup;

import ai.paperclip.db.PaperclipDbOptions;
import ai.paperclip.db.migration.MigrationSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * How {@link Backups} works: where backups go, how to connect, which migration histories a restore brings up
 * to date. Immutable; made by {@link #builder()}.
 *
 * @param directory      where {@code backup()} writes and {@code list()} looks (created when missing)
 * @param connectOptions connect timeout and driver settings (the other pool settings are unused)
 * @param migrations     the histories applied after a restore ({@link #DEFAULT_MIGRATIONS}: Paperclip's own)
 * @param migrate        whether a restore applies pending migrations ({@value #DEFAULT_MIGRATE})
 * @param clock          for the file name (local time, as upstream names them) and the manifest
 */
public record BackupOptions(Path directory, PaperclipDbOptions connectOptions, List<MigrationSource> migrations,
                            boolean migrate, Clock clock) {

    public static final boolean DEFAULT_MIGRATE = true;
    public static final List<MigrationSource> DEFAULT_MIGRATIONS = List.of(MigrationSource.paperclip());

    public BackupOptions {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(connectOptions, "connectOptions");
        migrations = List.copyOf(migrations);
        Objects.requireNonNull(clock, "clock");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder with the defaults; {@link #directory(Path)} is required. */
    public static final class Builder {
        private Path directory;
        private PaperclipDbOptions connectOptions = PaperclipDbOptions.builder().build();
        private List<MigrationSource> migrations = DEFAULT_MIGRATIONS;
        private boolean migrate = DEFAULT_MIGRATE;
        private Clock clock = Clock.systemDefaultZone();

        public Builder directory(Path directory) {
            this.directory = directory;
            return this;
        }

        public Builder connectOptions(PaperclipDbOptions options) {
            this.connectOptions = options;
            return this;
        }

        public Builder migrations(List<MigrationSource> sources) {
            this.migrations = sources;
            return this;
        }

        public Builder migrate(boolean migrate) {
            this.migrate = migrate;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** @throws IllegalArgumentException when no directory was given */
        public BackupOptions build() {
            if (directory == null) {
                throw new IllegalArgumentException("BackupOptions.directory is required: where backups are written"
                        + " and listed (the instance's data/backups, e.g. InstanceHome.defaultBackupDirectory()).");
            }
            return new BackupOptions(directory.toAbsolutePath(), connectOptions, migrations, migrate, clock);
        }
    }
}
