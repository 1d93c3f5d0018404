package ai.paperclip.schema.migration.internal;

import ai.paperclip.schema.model.SchemaModel;

/**
 * The content of {@code meta/NNNN_snapshot.json}: the whole schema after a migration, its id and
 * the id of the snapshot it follows.
 */
public record Snapshot(String id, String parentId, SchemaModel schema) {

    /** The state before the first migration. */
    public static Snapshot root() {
        return new Snapshot(Hashes.ROOT_ID, null, SchemaModel.empty());
    }

    public static Snapshot after(Snapshot parent, SchemaModel schema) {
        return new Snapshot(Hashes.snapshotId(parent.id(), schema), parent.id(), schema);
    }

    /** Whether the id still matches the content (a snapshot edited by hand does not). */
    public boolean intact() {
        return parentId != null && id.equals(Hashes.snapshotId(parentId, schema));
    }
}
