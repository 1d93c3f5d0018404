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

    /**
     * {@code changeset} gave up waiting for a lock (its {@code lock_timeout}) and rolled back; it runs again
     * after {@code wait}. {@code retry} counts from 1; see {@link MigrationTimeouts}.
     */
    default void retrying(String migration, String changeset, int retry, Duration wait) {
    }
}
