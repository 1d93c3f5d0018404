package ai.paperclip.db.migration;

import java.time.Duration;

/**
 * Told about each changeset as {@link Migrator#migrate(MigrationListener)} applies it, e.g. to show
 * progress. Called on the migrating thread; must not throw.
 */
public interface MigrationListener {

    /** Does nothing. */
    MigrationListener NONE = new MigrationListener() {
    };

    /** {@code changeset} ({@code author:id}) of migration {@code migration} ({@code NNNN_name}) starts. */
    default void applying(String migration, String changeset) {
    }

    /** {@code changeset} was applied and recorded, in one transaction unless it runs outside one. */
    default void applied(String migration, String changeset, Duration took) {
    }
}
