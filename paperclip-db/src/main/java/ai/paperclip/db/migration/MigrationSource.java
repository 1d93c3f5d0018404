package ai.paperclip.db.migration;

import ai.paperclip.schema.migration.CommittedMigrations;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a committed migration history is read from: Paperclip's own (bundled in the paperclip-schema
 * jar), or a host application's, from its classpath or a folder. Each history has its own
 * {@code changelog.xml}, {@code meta/_journal.json} and {@code NNNN_name.sql} files.
 *
 * <p>Several histories can share one database: Liquibase keys each row of its history table
 * ({@code databasechangelog}) by changeset id, author and file name ({@code logicalFilePath}). Paperclip's
 * changesets are {@code paperclip:NNNN_name} in {@code NNNN_name.sql}; give your own history its own
 * changeset author (the generator's {@code --author}) so no key can collide. {@link Migrator} refuses
 * two sources that declare the same key.
 */
public final class MigrationSource {

    private final String location;
    private final ClassLoader classLoader;
    private final Path folder;

    private MigrationSource(String location, ClassLoader classLoader, Path folder) {
        this.location = location;
        this.classLoader = classLoader;
        this.folder = folder;
    }

    /** Paperclip's own history, from the paperclip-schema jar. */
    public static MigrationSource paperclip() {
        return classpath(CommittedMigrations.class.getClassLoader(), CommittedMigrations.PAPERCLIP_LOCATION);
    }

    /** A history packaged as resources under {@code location} (e.g. {@code com/acme/db/migrations}). */
    public static MigrationSource classpath(String location) {
        return classpath(Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : MigrationSource.class.getClassLoader(), location);
    }

    /** A history packaged as resources under {@code location}, read through {@code loader}. */
    public static MigrationSource classpath(ClassLoader loader, String location) {
        Objects.requireNonNull(loader, "loader");
        String trimmed = Objects.requireNonNull(location, "location").strip().replaceAll("^/+|/+$", "");
        return new MigrationSource(trimmed, loader, null);
    }

    /** A history in a folder, as the generator writes it. */
    public static MigrationSource folder(Path folder) {
        Path absolute = Objects.requireNonNull(folder, "folder").toAbsolutePath().normalize();
        return new MigrationSource(absolute.toString(), null, absolute);
    }

    /** Reads the history (journal and migration files), without Liquibase. */
    public CommittedMigrations read() {
        return folder != null ? CommittedMigrations.fromFolder(folder) : CommittedMigrations.fromClasspath(classLoader, location);
    }

    /** The classpath location or the folder path. */
    public String location() {
        return location;
    }

    /** The folder, for a folder source. */
    public Optional<Path> folder() {
        return Optional.ofNullable(folder);
    }

    /** The class loader, for a classpath source. */
    public Optional<ClassLoader> classLoader() {
        return Optional.ofNullable(classLoader);
    }

    /** The master changelog's path as Liquibase reads it (relative to the folder or the classpath root). */
    public String changelogPath() {
        return folder != null ? CommittedMigrations.CHANGELOG : location + "/" + CommittedMigrations.CHANGELOG;
    }

    @Override
    public String toString() {
        return folder != null ? location : "classpath:" + location;
    }
}
