package ai.paperclip.db.migration;

import java.time.Duration;
import java.util.List;

/**
 * What {@link Migrator#migrate()} did.
 *
 * @param applied     migrations ({@code NNNN_name}) applied by this call, in order; empty when another
 *                    process had already applied them
 * @param changesets  changesets ({@code author:id}) applied by this call
 * @param took        from asking for the lock to releasing it
 */
public record MigrationResult(List<String> applied, List<String> changesets, Duration took) {

    public MigrationResult {
        applied = List.copyOf(applied);
        changesets = List.copyOf(changesets);
    }
}
