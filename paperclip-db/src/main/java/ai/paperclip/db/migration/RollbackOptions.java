package ai.paperclip.db.migration;

/**
 * How {@link Migrator#rollback(int, RollbackOptions)} runs. Immutable; made by {@link #builder()} or
 * {@link #defaults()}.
 *
 * <p>Before anything is undone, the rows the rollback SQL would delete are counted (every row of a table it
 * drops or truncates, every non-null value of a column it drops). Without {@code force} a rollback that would
 * delete any of them, or that brings back only the structure of dropped data, is refused with the counts.
 *
 * @param force undo even when rows would be deleted, or dropped data comes back as structure only
 * @param dryRun plan and count, return the plan (also one a real run would refuse), change nothing
 */
public record RollbackOptions(boolean force, boolean dryRun) {

    /** Neither: refuse anything that loses data, and roll back otherwise. */
    public static final boolean DEFAULT_FORCE = false;
    public static final boolean DEFAULT_DRY_RUN = false;

    /** No force, no dry run. */
    public static RollbackOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link RollbackOptions}. */
    public static final class Builder {
        private boolean force = DEFAULT_FORCE;
        private boolean dryRun = DEFAULT_DRY_RUN;

        private Builder() {
        }

        public Builder force(boolean force) {
            this.force = force;
            return this;
        }

        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        public RollbackOptions build() {
            return new RollbackOptions(force, dryRun);
        }
    }
}
