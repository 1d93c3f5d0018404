package ai.paperclip.schema.migration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.paperclip.schema.model.SchemaJson;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The journal read without an ObjectMapper is the journal the mapper reads, and a broken one is named. */
class JournalJsonTest {

    @Property(tries = 500)
    void readsWhatTheMapperReads(@ForAll("journals") Journal journal) {
        String written = SchemaJson.writeValue(journal);
        Journal expected = SchemaJson.readValue(written, Journal.class);
        assertThat(JournalJson.read(written)).isEqualTo(expected).isEqualTo(journal);
        // Compact and reordered forms too: the reader does not depend on the writer's layout.
        String compact = written.replaceAll("\\s+(?=([^\"]*\"[^\"]*\")*[^\"]*$)", "");
        assertThat(JournalJson.read(compact)).isEqualTo(expected);
    }

    @Property(tries = 500)
    void aJournalCutAnywhereIsRefusedWithItsPlace(@ForAll("journals") Journal journal, @ForAll("cuts") int percent) {
        String written = SchemaJson.writeValue(journal).strip();
        String truncated = written.substring(0, percent * (written.length() - 1) / 100);
        assertThatThrownBy(() -> JournalJson.read(truncated)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Malformed schema JSON").hasMessageContaining(" at line ");
        assertThatThrownBy(() -> SchemaJson.readValue(truncated, Journal.class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingValuesAreWhatTheMapperMakesOfThem() {
        for (String json : List.of("{}", "{\"migrations\":null}", "{\"version\":1,\"migrations\":[{}]}",
                "{\"migrations\":[{\"tag\":\"0000_x\",\"sha256\":null}]}")) {
            assertThat(JournalJson.read(json)).as(json).isEqualTo(SchemaJson.readValue(json, Journal.class));
        }
    }

    @Test
    void wrongTypesUnknownPropertiesAndTrailingContentAreNamed() {
        assertThatThrownBy(() -> JournalJson.read("{\"version\":1,\n\"migrations\":[{\"idx\":\"zero\"}]}"))
                .hasMessage("Malformed schema JSON at line 2, column 22: \"idx\" must be a whole number, found a string");
        assertThatThrownBy(() -> JournalJson.read("{\"migrations\":[{\"idx\":0,\"custom\":1}]}"))
                .hasMessageContaining("\"custom\" must be true or false, found a number");
        assertThatThrownBy(() -> JournalJson.read("{\"version\":99999999999}"))
                .hasMessageContaining("\"version\" must be a whole number from -2147483648 to 2147483647");
        assertThatThrownBy(() -> JournalJson.read("{\"migrations\":[{\"idx\":0,\"checksum\":\"x\"}]}"))
                .hasMessageContaining("Unknown property \"checksum\" in a migration entry (known: custom, idx, sha256, tag)");
        assertThatThrownBy(() -> JournalJson.read("{\"entries\":[]}"))
                .hasMessageContaining("Unknown property \"entries\" in the journal");
        assertThatThrownBy(() -> JournalJson.read("{\"migrations\":[null]}"))
                .hasMessageContaining("a migration entry must be a JSON object ({...}), found null");
        assertThatThrownBy(() -> JournalJson.read("[]"))
                .hasMessageContaining("the journal must be a JSON object ({...}), found an array");
        assertThatThrownBy(() -> JournalJson.read("{} {}"))
                .hasMessageContaining("Trailing content after the journal object");
        assertThatThrownBy(() -> JournalJson.read("  "))
                .hasMessageContaining("No content: the file is empty");
        // The mapper refuses what is refused above, except trailing content, which it ignores.
        for (String json : List.of("{\"migrations\":[{\"idx\":0,\"checksum\":\"x\"}]}", "{\"entries\":[]}",
                "{\"migrations\":[null]}", "[]", "{\"version\":99999999999}")) {
            assertThatThrownBy(() -> SchemaJson.readValue(json, Journal.class)).as(json)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Provide
    Arbitrary<Journal> journals() {
        Arbitrary<Journal.Entry> entries = Combinators.combine(Arbitraries.integers().between(0, 9999),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(40),
                Arbitraries.of(true, false),
                Arbitraries.strings().withCharRange('0', '9').withCharRange('a', 'f').ofLength(64).injectNull(0.3))
                .as(Journal.Entry::new);
        return Combinators.combine(Arbitraries.integers().between(0, 3), entries.list().ofMaxSize(8))
                .as((version, list) -> new Journal(version, new ArrayList<>(list)));
    }

    @Provide
    Arbitrary<Integer> cuts() {
        return Arbitraries.integers().between(0, 99);
    }
}
