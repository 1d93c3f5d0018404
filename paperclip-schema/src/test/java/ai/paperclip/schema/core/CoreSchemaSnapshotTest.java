package ai.paperclip.schema.core;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.schema.model.SchemaJson;
import ai.paperclip.schema.model.SchemaModel;
import ai.paperclip.schema.model.TableModel;
import org.junit.jupiter.api.Test;

class CoreSchemaSnapshotTest {

    private static final SchemaModel CORE = PaperclipSchema.SCHEMA.model();

    @Test
    void theCoreSchemaHasTheThirteenDocumentedTablesAndPgTrgm() {
        assertThat(CORE.extensions()).containsExactly("pg_trgm");
        assertThat(CORE.tables()).extracting(TableModel::name).containsExactly(
                "activity_log", "agent_api_keys", "agents", "companies", "company_memberships",
                "company_secret_versions", "company_secrets", "goals", "instance_user_roles", "issues",
                "projects", "session", "user");
    }

    @Test
    void theWholeCoreSchemaRoundTripsThroughItsSnapshotExactly() {
        String json = SchemaJson.write(CORE);

        assertThat(SchemaJson.read(json)).isEqualTo(CORE);
        assertThat(SchemaJson.write(SchemaJson.read(json))).isEqualTo(json);
    }

    @Test
    void theSnapshotIsTheSameBytesEveryTime() {
        assertThat(SchemaJson.write(PaperclipSchema.SCHEMA.model())).isEqualTo(SchemaJson.write(CORE));
        assertThat(SchemaJson.write(CORE)).contains("\"defaultExpression\" : \"'{}'::jsonb\"");
    }
}
