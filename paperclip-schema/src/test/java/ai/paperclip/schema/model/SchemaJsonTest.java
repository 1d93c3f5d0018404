package ai.paperclip.schema.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.paperclip.schema.model.IndexModel.IndexElement;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaJsonTest {

    private static SchemaModel sample() {
        TableModel companies = new TableModel("companies",
                List.of(new ColumnModel("id", "uuid", true, "gen_random_uuid()"),
                        new ColumnModel("name", "text", true, null),
                        new ColumnModel("seq", "bigint", true, null, ColumnModel.Identity.ALWAYS)),
                new PrimaryKeyModel("companies_pkey", List.of("id")),
                List.of(), List.of(), List.of(new CheckModel("companies_name_check", "(name <> ''::text)")),
                List.of(new IndexModel("companies_name_idx", true, "gin",
                        List.of(IndexElement.column("name").withOperatorClass("gin_trgm_ops")), null)));
        TableModel agents = new TableModel("agents",
                List.of(new ColumnModel("id", "uuid", true, "gen_random_uuid()"),
                        new ColumnModel("company_id", "uuid", true, null)),
                new PrimaryKeyModel("agents_pkey", List.of("id")),
                List.of(new ForeignKeyModel("agents_company_id_companies_id_fk", List.of("company_id"), "companies",
                        List.of("id"), ReferentialAction.CASCADE, null)),
                List.of(new UniqueConstraintModel("agents_company_uq", List.of("company_id"), false)),
                List.of(),
                List.of(new IndexModel("agents_lower_idx", false, null,
                        List.of(IndexElement.expression("lower((id)::text)").desc()), "(company_id IS NOT NULL)")));
        return new SchemaModel(List.of("pg_trgm"), List.of(companies, agents));
    }

    @Test
    void roundTripsExactly() {
        SchemaModel model = sample();
        String json = SchemaJson.write(model);
        assertThat(SchemaJson.read(json)).isEqualTo(model);
        assertThat(SchemaJson.write(SchemaJson.read(json))).isEqualTo(json);
    }

    @Test
    void sortsTablesAndPropertiesSoTheSameModelGivesTheSameBytes() {
        String json = SchemaJson.write(sample());
        assertThat(json.indexOf("\"name\" : \"agents\"")).isPositive().isLessThan(json.indexOf("\"name\" : \"companies\""));
        assertThat(json.indexOf("\"extensions\"")).isLessThan(json.indexOf("\"tables\""));
        assertThat(json).endsWith("}\n").doesNotContain("\r").doesNotContain("defaultExpression\" : null");
    }

    @Test
    void malformedJsonNamesTheLine() {
        assertThatThrownBy(() -> SchemaJson.read("{\n  \"tables\": [\n  }"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3");
    }
}
