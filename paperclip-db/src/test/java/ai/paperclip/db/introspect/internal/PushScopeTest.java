package ai.paperclip.db.introspect.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.schema.migration.Decision;
import ai.paperclip.schema.migration.Decisions;
import ai.paperclip.schema.model.ColumnModel;
import ai.paperclip.schema.model.SchemaModel;
import ai.paperclip.schema.model.TableModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class PushScopeTest {

    @Test
    void keepsDefinedTablesTablesNamedByDecisionsAndDeclaredExtensionsOnly() {
        SchemaModel live = new SchemaModel(List.of("pg_trgm", "pg_stat_statements"),
                List.of(table("issues"), table("heartbeat_runs"), table("old_tasks"), table("legacy")));
        SchemaModel definitions = new SchemaModel(List.of("pg_trgm"), List.of(table("issues"), table("tasks")));
        Decisions decisions = Decisions.of(Decision.renameTable("old_tasks", "tasks"), Decision.allowDropTable("legacy"));

        SchemaModel scoped = PushScope.restrict(live, definitions, decisions);

        assertThat(scoped.extensions()).containsExactly("pg_trgm");
        assertThat(scoped.tables()).extracting(TableModel::name).containsExactly("issues", "legacy", "old_tasks");
    }

    private static TableModel table(String name) {
        return new TableModel(name, List.of(new ColumnModel("id", "integer", true, null)), null,
                List.of(), List.of(), List.of(), List.of());
    }
}
