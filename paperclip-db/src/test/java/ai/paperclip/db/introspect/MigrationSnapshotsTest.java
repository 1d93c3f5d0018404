package ai.paperclip.db.introspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.paperclip.db.PaperclipDbException;
import ai.paperclip.schema.core.PaperclipSchema;
import org.junit.jupiter.api.Test;

class MigrationSnapshotsTest {

    @Test
    void readsPaperclipsFirstSnapshotFromTheSchemaJarByNumberOrTag() {
        MigrationSnapshots snapshots = MigrationSnapshots.paperclip();

        assertThat(snapshots.tags()).startsWith("0000_core_schema");
        assertThat(snapshots.schemaAfter("0000")).isEqualTo(snapshots.schemaAfter("0000_core_schema"))
                .isEqualTo(snapshots.schemaAfter("0"));
        assertThat(snapshots.schemaAfter("0000").tables()).hasSize(13);
        assertThat(snapshots.latest()).isEqualTo(PaperclipSchema.SCHEMA.model());
    }

    @Test
    void namesTheKnownMigrationsWhenAskedForAnUnknownOne() {
        assertThatThrownBy(() -> MigrationSnapshots.paperclip().schemaAfter("0042"))
                .isInstanceOf(PaperclipDbException.class)
                .hasMessageStartingWith("No migration 0042 in classpath:ai/paperclip/schema/migrations/; known: 0000_core_schema");
    }
}
