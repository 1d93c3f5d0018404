package ai.paperclip.db.migration;

import java.time.Duration;

/**
 * Told what {@link Migrator#migrate()} does, e.g. to show progress or to refuse a state: set it with
 * {@link Migrator.Builder#listener(MigrationListener)}. Called on the migrating thread; only
 * {@link #beforeMigrate(MigrationStatus)} may throw.
 */
public interface MigrationListener {

    /** Does nothing. */
    MigrationListener NONE = new MigrationListener() {
    };

    /**
     * Called under the migration lock with the status read there (another process may just have migrated),
     * when something is pending, before anything is applied. Throw (e.g. a {@link MigrationRefusedException}
     * that says what to do) to apply nothing; the lock is released.
     */
    default void beforeMigrate(MigrationStatus status) {
    }

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
