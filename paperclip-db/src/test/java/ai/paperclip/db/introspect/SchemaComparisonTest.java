package ai.paperclip.db.introspect;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.schema.model.ColumnModel;
import ai.paperclip.schema.model.ForeignKeyModel;
import ai.paperclip.schema.model.PrimaryKeyModel;
import ai.paperclip.schema.model.ReferentialAction;
import ai.paperclip.schema.model.SchemaModel;
import ai.paperclip.schema.model.TableModel;
import ai.paperclip.schema.core.PaperclipSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaComparisonTest {

    @Test
    void aModelMatchesItselfWithNothingToReport() {
        SchemaModel core = PaperclipSchema.SCHEMA.model();

        ComparisonReport report = SchemaComparison.compare(core, core);

        assertThat(report.matches()).isTrue();
        assertThat(report.lines()).isEmpty();
    }

    @Test
    void aChangedForeignKeyActionAndNullabilityAndIdentityAreFailures() {
        SchemaModel expected = model(new ColumnModel("id", "bigint", true, null, ColumnModel.Identity.ALWAYS),
                new ColumnModel("parent_id", "bigint", false, null), ReferentialAction.CASCADE);
        SchemaModel live = model(new ColumnModel("id", "bigint", true, null),
                new ColumnModel("parent_id", "bigint", true, null), ReferentialAction.NO_ACTION);

        ComparisonReport report = SchemaComparison.compare(live, expected);

        assertThat(report.failures()).extracting(Difference::line).containsExactly(
                "column nodes.id: identity is none, expected GENERATED ALWAYS AS IDENTITY",
                "column nodes.parent_id: NOT NULL, expected nullable",
                "foreign key nodes_parent_fk on nodes: differs: is ALTER TABLE nodes ADD CONSTRAINT nodes_parent_fk"
                        + " FOREIGN KEY (parent_id) REFERENCES nodes(id), expected ALTER TABLE nodes ADD CONSTRAINT"
                        + " nodes_parent_fk FOREIGN KEY (parent_id) REFERENCES nodes(id) ON DELETE CASCADE");
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void aMissingExtensionFailsAndAnUndeclaredOneWarns() {
        ComparisonReport report = SchemaComparison.compare(new SchemaModel(List.of("citext"), List.of()),
                new SchemaModel(List.of("pg_trgm"), List.of()));

        assertThat(report.lines()).containsExactly(
                "FAILURE extension pg_trgm: not installed; the schema needs it",
                "WARNING extension citext: installed and used, but not declared by the schema");
    }

    private static SchemaModel model(ColumnModel id, ColumnModel parent, ReferentialAction onDelete) {
        return new SchemaModel(List.of(), List.of(new TableModel("nodes", List.of(id, parent),
                new PrimaryKeyModel("nodes_pkey", List.of("id")),
                List.of(new ForeignKeyModel("nodes_parent_fk", List.of("parent_id"), "nodes", List.of("id"), onDelete, null)),
                List.of(), List.of(), List.of())));
    }
}
