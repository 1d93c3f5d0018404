package ai.paperclip.schema;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.schema.host.HostSchema;
import ai.paperclip.schema.model.ForeignKeyModel;
import ai.paperclip.schema.model.ReferentialAction;
import ai.paperclip.schema.model.TableModel;
import ai.paperclip.schema.core.PaperclipSchema;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SchemaTest {

    @Test
    void aHostCombinesPaperclipsTablesWithItsOwn() {
        assertThat(HostSchema.SCHEMA.model().tables()).extracting(TableModel::name).contains(
                "companies", "issues", "user", "heartbeat_runs", "orders", "order_links").hasSize(16);
        assertThat(HostSchema.SCHEMA.extensions()).containsExactly("pg_trgm");
    }

    @Test
    void aHostThatOwnsATargetTableCanAddTheForeignKeyTheCoreSchemaLeavesOut() {
        TableModel issues = HostSchema.SCHEMA.model().table("issues").orElseThrow();

        assertThat(issues.foreignKeys()).contains(new ForeignKeyModel("issues_checkout_run_id_heartbeat_runs_id_fk",
                List.of("checkout_run_id"), "heartbeat_runs", List.of("id"), ReferentialAction.SET_NULL, null));
        assertThat(PaperclipSchema.SCHEMA.model().table("issues").orElseThrow().foreignKeys())
                .extracting(ForeignKeyModel::referencedTable).doesNotContain("heartbeat_runs");
    }

    @Test
    void anExternalTableMayBeReferencedByNameWithoutBeingDefined() {
        Table table = new Table("runs_view") {
            final Column<UUID> runId = uuid("run_id").references("heartbeat_runs", "id");
        };

        Schema schema = Schema.builder().table(table).external("heartbeat_runs").build();

        assertThat(schema.externalTables()).containsExactly("heartbeat_runs");
        assertThat(schema.model().tables()).extracting(TableModel::name).containsExactly("runs_view");
    }

    @Test
    void includingTheSameTableTwiceIsHarmlessButTwoTablesWithOneNameAreNot() {
        Schema twice = Schema.builder().include(PaperclipSchema.SCHEMA).include(PaperclipSchema.SCHEMA).build();
        assertThat(twice.model()).isEqualTo(PaperclipSchema.SCHEMA.model());

        Table impostor = new Table("companies") {
            final Column<UUID> id = uuid("id").primaryKey();
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> Schema.builder().include(PaperclipSchema.SCHEMA).table(impostor).build())
                .isInstanceOf(SchemaDefinitionException.class)
                .hasMessageStartingWith("Table \"companies\": two different tables (ai.paperclip.schema.core.CompaniesTable, ");
    }
}
