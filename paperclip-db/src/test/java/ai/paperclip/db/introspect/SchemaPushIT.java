package ai.paperclip.db.introspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.paperclip.db.testing.PostgresServer;
import ai.paperclip.db.testing.SharedPostgres;
import ai.paperclip.schema.migration.Decision;
import ai.paperclip.schema.migration.Decisions;
import ai.paperclip.schema.model.ColumnModel;
import ai.paperclip.schema.model.PrimaryKeyModel;
import ai.paperclip.schema.model.SchemaModel;
import ai.paperclip.schema.model.TableModel;
import ai.paperclip.schema.core.PaperclipSchema;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Push on tables with rows: counts before it changes anything, refuses without force, dry run changes nothing. */
@ExtendWith(SharedPostgres.class)
class SchemaPushIT {

    /** The definitions after an edit: {@code notes.body} removed, {@code notes.priority} added. */
    private static final SchemaModel EDITED = schema(notes(
            new ColumnModel("title", "text", false, null),
            new ColumnModel("priority", "integer", true, "0")));

    @Test
    void refusesWithoutForceNamingTheRowsAChangeWouldLose(PostgresServer server) throws Exception {
        FreshDatabase db = notesWithRows(server);

        PushRefusedException e;
        try (Connection c = db.connect()) {
            e = catchThrowableOfType(PushRefusedException.class, () -> SchemaPush.push(c, EDITED, PushOptions.defaults()));
            assertThat(c.getAutoCommit()).isTrue();
        }

        assertThat(e).hasMessage("Push changed nothing: a change loses data:\n"
                + "- drop column notes.body: 2 non-null values deleted\n"
                + "Push again with force to apply it anyway.");
        PushResult plan = e.plan().orElseThrow();
        assertThat(plan.statements()).containsExactly("ALTER TABLE notes DROP COLUMN body",
                "ALTER TABLE notes ADD COLUMN priority integer DEFAULT 0 NOT NULL");
        assertThat(plan.applied()).isFalse();
        assertThat(db.count("SELECT count(*) FROM notes WHERE body IS NOT NULL")).isEqualTo(2);
    }

    @Test
    void aDryRunReturnsThePlanWithItsCountsAndChangesNothing(PostgresServer server) throws Exception {
        FreshDatabase db = notesWithRows(server);

        PushResult plan;
        try (Connection c = db.connect()) {
            plan = SchemaPush.push(c, EDITED, PushOptions.builder().dryRun(true).build());
        }

        assertThat(plan.applied()).isFalse();
        assertThat(plan.losesData()).isTrue();
        assertThat(plan.affected()).extracting(AffectedRows::line)
                .containsExactly("drop column notes.body: 2 non-null values deleted");
        assertThat(plan.statements()).hasSize(2);
        assertThat(db.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'notes'"
                + " AND column_name IN ('body', 'priority')")).isEqualTo(1);
    }

    @Test
    void appliesWithForceInOneTransactionAndLeavesTablesItDoesNotManage(PostgresServer server) throws Exception {
        FreshDatabase db = notesWithRows(server);

        PushResult result;
        SchemaModel after;
        try (Connection c = db.connect()) {
            result = SchemaPush.push(c, EDITED, PushOptions.builder().force(true).build());
            after = SchemaIntrospector.introspect(c);
        }

        assertThat(result.applied()).isTrue();
        assertThat(after.table("notes")).contains(EDITED.table("notes").orElseThrow());
        assertThat(after.table("legacy")).as("a table push does not manage").isPresent();
        assertThat(db.count("SELECT count(*) FROM notes WHERE priority = 0 AND title IS NOT NULL")).isEqualTo(3);
        assertThat(db.count("SELECT count(*) FROM legacy")).isEqualTo(4);
    }

    @Test
    void dropsATableOnlyWhenADecisionNamesItAndCountsItsRows(PostgresServer server) throws Exception {
        FreshDatabase db = notesWithRows(server);
        SchemaModel unchangedNotes = schema(notes(new ColumnModel("title", "text", false, null),
                new ColumnModel("body", "text", false, null)));
        PushOptions.Builder options = PushOptions.builder().decisions(Decisions.of(Decision.allowDropTable("legacy")));

        try (Connection c = db.connect()) {
            PushRefusedException e = catchThrowableOfType(PushRefusedException.class,
                    () -> SchemaPush.push(c, unchangedNotes, options.build()));
            assertThat(e.getMessage()).contains("- drop table legacy: 4 rows deleted");

            PushResult result = SchemaPush.push(c, unchangedNotes, options.force(true).build());
            assertThat(result.statements()).containsExactly("DROP TABLE legacy");
        }
        assertThat(db.count("SELECT count(*) FROM pg_tables WHERE tablename = 'legacy'")).isZero();
    }

    @Test
    void neverGuessesARenameButHintsAtTheDecisionThatKeepsTheValues(PostgresServer server) throws Exception {
        FreshDatabase db = notesWithRows(server);
        SchemaModel renamed = schema(notes(new ColumnModel("title", "text", false, null),
                new ColumnModel("content", "text", false, null)));

        try (Connection c = db.connect()) {
            PushRefusedException e = catchThrowableOfType(PushRefusedException.class,
                    () -> SchemaPush.push(c, renamed, PushOptions.defaults()));
            assertThat(e.getMessage()).endsWith("Push again with force to apply it anyway, or:\n"
                    + "  If notes.body was renamed to content, push with the decision"
                    + " 'rename column notes.body -> notes.content' to keep its data.");

            PushResult result = SchemaPush.push(c, renamed, PushOptions.builder()
                    .decisions(Decisions.of(Decision.renameColumn("notes", "body", "content"))).build());
            assertThat(result.statements()).containsExactly("ALTER TABLE notes RENAME COLUMN body TO content");
        }
        assertThat(db.count("SELECT count(*) FROM notes WHERE content IS NOT NULL")).isEqualTo(2);
    }

    @Test
    void refusesEvenWithForceWhatTheRowsMakeImpossible(PostgresServer server) throws Exception {
        FreshDatabase db = notesWithRows(server);
        db.execute("INSERT INTO notes (id, title) VALUES (9, NULL)");
        SchemaModel titleRequired = schema(notes(new ColumnModel("title", "text", true, null),
                new ColumnModel("body", "text", false, null)));

        try (Connection c = db.connect()) {
            PushRefusedException e = catchThrowableOfType(PushRefusedException.class,
                    () -> SchemaPush.push(c, titleRequired, PushOptions.builder().force(true).build()));

            assertThat(e).hasMessage("Push changed nothing: the existing rows make a change impossible:\n"
                    + "- set not null on notes.title: 1 row hold NULL in it: fill them before making the column NOT NULL\n"
                    + "Fix the data or the definitions, then push again.");
        }
    }

    @Test
    void createsTheCoreSchemaInAnEmptyDatabaseAndThenHasNothingToDo(PostgresServer server) throws Exception {
        FreshDatabase db = FreshDatabase.on(server);
        SchemaModel core = PaperclipSchema.SCHEMA.model();

        try (Connection c = db.connect()) {
            assertThat(SchemaPush.push(c, core, PushOptions.defaults()).applied()).isTrue();
            SchemaIntrospectorIT.assertEqualTableByTable(SchemaIntrospector.introspect(c), core);

            PushResult again = SchemaPush.push(c, core, PushOptions.defaults());
            assertThat(again.upToDate()).isTrue();
            assertThat(again.applied()).isFalse();
        }
    }

    private static FreshDatabase notesWithRows(PostgresServer server) throws Exception {
        FreshDatabase db = FreshDatabase.on(server);
        db.execute("CREATE TABLE notes (id integer PRIMARY KEY, title text, body text)",
                "INSERT INTO notes VALUES (1, 'a', 'x'), (2, 'b', NULL), (3, 'c', 'z')",
                "CREATE TABLE legacy (id integer)",
                "INSERT INTO legacy SELECT generate_series(1, 4)");
        return db;
    }

    private static TableModel notes(ColumnModel... columns) {
        List<ColumnModel> all = new java.util.ArrayList<>();
        all.add(new ColumnModel("id", "integer", true, null));
        all.addAll(List.of(columns));
        return new TableModel("notes", all, new PrimaryKeyModel("notes_pkey", List.of("id")),
                List.of(), List.of(), List.of(), List.of());
    }

    private static SchemaModel schema(TableModel... tables) {
        return new SchemaModel(List.of(), List.of(tables));
    }
}
