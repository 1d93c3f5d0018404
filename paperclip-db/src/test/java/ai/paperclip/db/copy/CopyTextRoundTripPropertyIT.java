package ai.paperclip.db.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import ai.paperclip.db.PaperclipDb;
import ai.paperclip.db.PaperclipDbOptions;
import ai.paperclip.db.testing.PostgresServer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;

/**
 * The escaping property: any NUL-free, well-formed Unicode text, or null, copied into a text column comes back
 * from PostgreSQL exactly as it went in. The generated values are made of the pieces COPY's text format gives a
 * meaning to (tab, newline, carriage return, backslash, {@code \.}, {@code \N}) mixed with letters and code
 * points from the whole Unicode range, including those outside the Basic Multilingual Plane.
 */
class CopyTextRoundTripPropertyIT {

    private static final Field<Integer> N = field(name("n"), SQLDataType.INTEGER);
    private static final Field<String> S = field(name("s"), SQLDataType.CLOB);

    private static PostgresServer server;
    private static PaperclipDb db;

    @BeforeContainer
    static void start() {
        server = PostgresServer.start("paperclip.test.postgres17.jar");
        db = PaperclipDb.create(server.url(), PaperclipDbOptions.builder().migrationAutoApply(true).build());
        db.dsl().execute("create table round_trip (n int primary key, s text)");
    }

    @AfterContainer
    static void stop() {
        if (db != null) {
            db.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Property(tries = 300)
    void everyValueComesBackAsItWentIn(@ForAll("values") List<String> values) {
        db.dsl().execute("truncate round_trip");
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            rows.add(new Object[] {i, values.get(i)});
        }

        assertThat(db.copy(table(name("round_trip")), List.of(N, S), rows)).isEqualTo(values.size());

        assertThat(db.dsl().select(S).from(table(name("round_trip"))).orderBy(N).fetch(S)).isEqualTo(values);
    }

    @Provide
    Arbitrary<List<String>> values() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of("\t", "\n", "\r", "\\", "\\.", "\\N", "N", ".", "\r\n")),
                net.jqwik.api.Tuple.of(3, Arbitraries.strings().alpha().ofMaxLength(3)),
                net.jqwik.api.Tuple.of(3, codePoint()));
        Arbitrary<String> value = piece.list().ofMaxSize(12).map(p -> String.join("", p)).injectNull(0.1)
                .edgeCases(e -> e.add("\\."));
        return value.list().ofMaxSize(20);
    }

    private static Arbitrary<String> codePoint() {
        return Arbitraries.integers().between(1, Character.MAX_CODE_POINT)
                .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
                .map(Character::toString);
    }
}
