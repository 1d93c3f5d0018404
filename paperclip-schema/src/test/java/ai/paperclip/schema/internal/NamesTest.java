package ai.paperclip.schema.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void foreignKeyNamesFollowDrizzlesPattern() {
        assertThat(Names.foreignKey("agents", List.of("company_id"), "companies", List.of("id")))
                .isEqualTo("agents_company_id_companies_id_fk");
    }

    @Test
    void foreignKeyNamesOver63BytesAreCutTo63BytesAsPostgresqlCutsThem() {
        String name = Names.foreignKey("company_secret_versions", List.of("created_by_agent_id"),
                "company_secret_provider_configs", List.of("id"));

        assertThat("company_secret_versions_created_by_agent_id_company_secret_provider_configs_id_fk").hasSize(81);
        assertThat(name).isEqualTo("company_secret_versions_created_by_agent_id_company_secret_prov");
        assertThat(name.getBytes(StandardCharsets.UTF_8)).hasSize(63);
    }

    @Test
    void aMultibyteCharacterAcrossTheCutIsDroppedWholeNotSplit() {
        // 61 + 1 ASCII bytes, then "é" (2 bytes) would straddle byte 63: PostgreSQL keeps 62 bytes.
        String table = "t".repeat(61);
        String name = Names.foreignKey(table, List.of("été"), "x", List.of("id"));

        assertThat(name).isEqualTo(table + "_");
        assertThat(name.getBytes(StandardCharsets.UTF_8)).hasSize(62);
        assertThat(Names.clip("a".repeat(61) + "é", 63)).isEqualTo("a".repeat(61) + "é");
        assertThat(Names.clip("a".repeat(61) + "€b", 63)).isEqualTo("a".repeat(61));
        assertThat(Names.clip("a".repeat(60) + "€b", 63)).isEqualTo("a".repeat(60) + "€");
        assertThat(Names.clip("a".repeat(60) + "\uD83D\uDE00", 63)).isEqualTo("a".repeat(60));
    }

    @Test
    void primaryKeyAndSequenceNamesShortenTheLongerPartLikeMakeObjectName() {
        assertThat(Names.primaryKey("user")).isEqualTo("user_pkey");
        assertThat(Names.primaryKey("p".repeat(70))).isEqualTo("p".repeat(58) + "_pkey");
        assertThat(Names.serialSequence("orders", "id")).isEqualTo("orders_id_seq");
        assertThat(Names.serialSequence("a".repeat(40), "b".repeat(40))).isEqualTo("a".repeat(29) + "_" + "b".repeat(29) + "_seq");
    }

    @Test
    void explicitNamesAreTruncatedToThe63BytePrefix() {
        assertThat(Names.truncate("n".repeat(80))).isEqualTo("n".repeat(63));
        assertThat(Names.byteLength("ü")).isEqualTo(2);
    }
}
