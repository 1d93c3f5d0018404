package ai.paperclip.db.introspect;

import ai.paperclip.db.InvalidOptionException;
import ai.paperclip.schema.migration.Decisions;

/**
 * How {@link SchemaPush} runs. Immutable; made by {@link #builder()} or {@link #defaults()}.
 *
 * @param force apply changes that lose data (rows of a dropped table, values of a dropped column or
 *     a narrowed type); without it push refuses when any such change would lose a row
 * @param dryRun compute and return the plan with its row counts, change nothing
 * @param decisions renames (never guessed: without one a renamed column is a drop and an add) and
 *     {@code allow drop table} for tables the definitions no longer have
 * @param schema the schema to push into
 */
public record PushOptions(boolean force, boolean dryRun, Decisions decisions, String schema) {

    public PushOptions {
        if (decisions == null) {
            throw new InvalidOptionException("decisions must not be null; use Decisions.none()");
        }
        if (schema == null || schema.isBlank()) {
            throw new InvalidOptionException("schema must name a schema (default "
                    + SchemaIntrospector.DEFAULT_SCHEMA + "), got " + (schema == null ? "null" : "'" + schema + "'"));
        }
    }

    /** No force, no dry run, no decisions, schema {@code public}. */
    public static PushOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link PushOptions}; {@link #build()} validates. */
    public static final class Builder {
        private boolean force;
        private boolean dryRun;
        private Decisions decisions = Decisions.none();
        private String schema = SchemaIntrospector.DEFAULT_SCHEMA;

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

        public Builder decisions(Decisions decisions) {
            this.decisions = decisions;
            return this;
        }

        public Builder schema(String schema) {
            this.schema = schema;
            return this;
        }

        public PushOptions build() {
            return new PushOptions(force, dryRun, decisions, schema);
        }
    }
}
