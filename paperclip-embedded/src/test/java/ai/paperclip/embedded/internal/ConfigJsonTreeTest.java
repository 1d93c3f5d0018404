package ai.paperclip.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.embedded.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * {@link ConfigJson#read} (Jackson's streaming parser building the tree itself) gives what {@code readTree} gave
 * ({@link DatabindConfigJson}): the same nodes, of the same types, in the same order, the same line of every
 * key, and for a file that is not a JSON object, or not JSON, the same message. Over generated documents, and
 * the same documents damaged: characters deleted, inserted or replaced, cut short.
 */
class ConfigJsonTreeTest {

    private static final String STRUCTURE = "{}[],:\"'\\ \n\t";
    private static final String OTHER = "tfnrue0123456789-+.eE/*#xa\u00e9\u20ac";

    @Property(tries = 1500)
    void theTreeTheLinesAndTheErrorsAreThoseOfReadTree(@ForAll("documents") String text) throws IOException {
        assertSameOutcome(text);
    }

    @Property(tries = 3000)
    void damagedDocumentsFailWithTheSameMessage(@ForAll("damaged") String text) throws IOException {
        assertSameOutcome(text);
    }

    @Example
    void edgeCasesReadAlike() throws IOException {
        for (String text : List.of("{\"database\": postgres://app:secret@db/paperclip}", "\uFEFF", "\uFEFF{}", "{} x",
                "{}{\"a\":1}", "{\"a\":1,\"a\":{\"b\":2}}", "{\"a\":{\"b\":1}}\n{\"a\":{\"c\":[}}", "{\"a\":NaN}",
                "{\"a\":01}", "{'a':1}", "{\"a\":1,}", "[1,]", "// c\n{}", "{\"a\":\"\u0000\"}", "{\"a\":\"\t\"}",
                "{\"x\":" + "[".repeat(1200) + "]".repeat(1200) + "}", "{\"a\":1e99999}", "\"\"", "null", "1")) {
            assertSameOutcome(text);
        }
    }

    @Property(tries = 200)
    void topLevelValuesThatAreNotObjectsAreRefusedAlike(@ForAll("values") String text) throws IOException {
        assertSameOutcome(text);
    }

    private static void assertSameOutcome(String text) throws IOException {
        Path file = Files.createTempFile("config", ".json");
        try {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            Files.write(file, bytes);
            String expected = outcome(() -> DatabindConfigJson.read(file, bytes));
            String actual = outcome(() -> ConfigJson.read(file));
            assertThat(actual).as("config.json:\n%s", text).isEqualTo(expected);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The tree with each node's class (equality alone would ignore key order), the lines, or the error message. */
    private static String outcome(java.util.function.Supplier<ConfigJson.Parsed> read) {
        try {
            ConfigJson.Parsed parsed = read.get();
            StringBuilder out = new StringBuilder("ok ");
            describe(parsed.root(), out);
            return out.append(' ').append(new java.util.TreeMap<>(parsed.lines())).toString();
        } catch (ConfigurationException e) {
            return "error " + e.getMessage();
        }
    }

    private static void describe(com.fasterxml.jackson.databind.JsonNode node, StringBuilder out) {
        out.append(node.getClass().getSimpleName()).append('(');
        if (node.isContainerNode()) {
            var fields = node.fields();
            if (node.isObject()) {
                while (fields.hasNext()) {
                    var field = fields.next();
                    out.append(field.getKey()).append('=');
                    describe(field.getValue(), out);
                    out.append(',');
                }
            } else {
                for (var element : node) {
                    describe(element, out);
                    out.append(',');
                }
            }
        } else {
            out.append(node.toString());
        }
        out.append(')');
    }

    @Provide
    Arbitrary<String> documents() {
        return object(3).map(Json::text);
    }

    @Provide
    Arbitrary<String> values() {
        return value(2).map(Json::text);
    }

    @Provide
    Arbitrary<String> damaged() {
        Arbitrary<Character> junk = Arbitraries.of((STRUCTURE + OTHER).chars().mapToObj(c -> (char) c).toList());
        return Combinators.combine(documents(), Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(0, 1_000_000).list().ofSize(6), junk.list().ofSize(3))
                .as((text, count, positions, chars) -> {
                    StringBuilder s = new StringBuilder(text);
                    for (int i = 0; i < count; i++) {
                        int at = positions.get(i) % (s.length() + 1);
                        switch (positions.get(i + 3) % 4) {
                            case 0 -> s.insert(at, chars.get(i));
                            case 1 -> { if (at < s.length()) s.deleteCharAt(at); }
                            case 2 -> { if (at < s.length()) s.setCharAt(at, chars.get(i)); }
                            default -> s.setLength(at);
                        }
                    }
                    return s.toString();
                });
    }

    private static Arbitrary<Json> value(int depth) {
        Arbitrary<Json> scalar = Arbitraries.oneOf(
                Arbitraries.strings().withChars("abc \"\\/\u00e9\u20ac\n\t").ofMaxLength(8).map(Json::string),
                Arbitraries.integers().map(i -> new Json(Integer.toString(i))),
                Arbitraries.longs().map(l -> new Json(Long.toString(l))),
                Arbitraries.of("0", "-0", "2147483648", "-2147483649", "9223372036854775808", "123456789012345678901234567890",
                        "1.5", "-0.0", "1e3", "1E-7", "2.5e+400", "0.1", "54329", "54329.0").map(Json::new),
                Arbitraries.of("true", "false", "null").map(Json::new));
        if (depth == 0) {
            return scalar;
        }
        return Arbitraries.frequencyOf(Tuple.of(4, scalar), Tuple.of(1, object(depth - 1)), Tuple.of(1, array(depth - 1)));
    }

    private static Arbitrary<Json> object(int depth) {
        Arbitrary<String> keys = Arbitraries.oneOf(
                Arbitraries.of("database", "mode", "embeddedPostgresPort", "backup", "enabled", "dir", "a.b", "", "x/y"),
                Arbitraries.strings().withChars("abz\"\\ \u00e9").ofMaxLength(4));
        Arbitrary<String> space = Arbitraries.of("", " ", "\n", "\n  ", "\r\n", "\t");
        return Combinators.combine(keys, value(depth), space).as(Tuple::of).list().ofMaxSize(4)
                .map(fields -> {
                    StringBuilder s = new StringBuilder("{");
                    for (int i = 0; i < fields.size(); i++) {
                        s.append(i == 0 ? "" : ",").append(fields.get(i).get3()).append(Json.string(fields.get(i).get1()).text)
                                .append(':').append(fields.get(i).get3().isEmpty() ? "" : " ").append(fields.get(i).get2().text);
                    }
                    return new Json(s.append(fields.isEmpty() ? "" : "\n").append('}').toString());
                });
    }

    private static Arbitrary<Json> array(int depth) {
        return value(depth).list().ofMaxSize(3).map(values -> new Json("["
                + String.join(", ", values.stream().map(Json::text).toList()) + "]"));
    }

    private record Json(String text) {
        static Json string(String value) {
            StringBuilder s = new StringBuilder("\"");
            for (char c : value.toCharArray()) {
                switch (c) {
                    case '"' -> s.append("\\\"");
                    case '\\' -> s.append("\\\\");
                    case '\n' -> s.append("\\n");
                    case '\t' -> s.append("\\t");
                    default -> s.append(c);
                }
            }
            return new Json(s.append('"').toString());
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
