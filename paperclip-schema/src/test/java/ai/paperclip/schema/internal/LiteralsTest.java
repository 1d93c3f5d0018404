package ai.paperclip.schema.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The catalog forms; DslCatalogIT proves them against a real server. */
class LiteralsTest {

    @Test
    void stringsCarryTheirTypeAndDoubleTheirQuotes() {
        assertThat(Literals.render("text", "active")).isEqualTo("'active'::text");
        assertThat(Literals.render("text", "it's")).isEqualTo("'it''s'::text");
        assertThat(Literals.render("character varying(20)", "x")).isEqualTo("'x'::character varying");
        assertThat(Literals.render("jsonb", "{}")).isEqualTo("'{}'::jsonb");
    }

    @Test
    void nonNegativeIntegersPrintBareAndNegativeOnesWithALabel() {
        assertThat(Literals.render("integer", 0)).isEqualTo("0");
        assertThat(Literals.render("integer", 10485760)).isEqualTo("10485760");
        assertThat(Literals.render("integer", -1)).isEqualTo("'-1'::integer");
        assertThat(Literals.render("bigint", 5L)).isEqualTo("5");
        assertThat(Literals.render("bigint", 5_000_000_000L)).isEqualTo("'5000000000'::bigint");
        assertThat(Literals.render("smallint", (short) 3)).isEqualTo("3");
    }

    @Test
    void decimalsAndDoublesPrintAsNumericConstants() {
        assertThat(Literals.render("numeric(12,2)", new BigDecimal("1.50"))).isEqualTo("1.50");
        assertThat(Literals.render("numeric(12,2)", new BigDecimal("-1.5"))).isEqualTo("'-1.5'::numeric");
        assertThat(Literals.render("numeric(12,2)", new BigDecimal("7"))).isEqualTo("7");
        assertThat(Literals.render("double precision", 0.5)).isEqualTo("0.5");
        assertThat(Literals.render("double precision", 2.0)).isEqualTo("2.0");
        assertThat(Literals.render("double precision", -0.25)).isEqualTo("'-0.25'::numeric");
        assertThat(Literals.render("double precision", Double.NaN)).isEqualTo("'NaN'::double precision");
    }

    @Test
    void otherTypesAreQuotedAndLabelled() {
        assertThat(Literals.render("boolean", false)).isEqualTo("false");
        assertThat(Literals.render("date", LocalDate.of(2026, 1, 31))).isEqualTo("'2026-01-31'::date");
        assertThat(Literals.render("timestamp without time zone", LocalDateTime.of(2026, 1, 31, 8, 5)))
                .isEqualTo("'2026-01-31 08:05:00'::timestamp without time zone");
        assertThat(Literals.render("uuid", UUID.fromString("00000000-0000-0000-0000-000000000001")))
                .isEqualTo("'00000000-0000-0000-0000-000000000001'::uuid");
        assertThat(Literals.render("text[]", List.of("a", "b c", ""))).isEqualTo("'{a,\"b c\",\"\"}'::text[]");
        assertThat(Literals.render("integer[]", List.of())).isEqualTo("'{}'::integer[]");
    }

    @Test
    void aValueThatDoesNotFitTheTypeIsRefusedWithTheWayOut() {
        assertThatThrownBy(() -> Literals.render("timestamp with time zone", OffsetDateTime.parse("2026-01-01T00:00Z")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a timestamp with time zone column cannot take the literal default 2026-01-01T00:00Z"
                        + " (OffsetDateTime); use defaultSql(...) with the expression");
    }
}
