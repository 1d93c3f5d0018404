package ai.paperclip.schema.migration;

import static ai.paperclip.schema.migration.TestModels.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.paperclip.schema.migration.ColumnChanges.AddColumn;
import ai.paperclip.schema.migration.ColumnChanges.ChangeType;
import ai.paperclip.schema.migration.ColumnChanges.RenameColumn;
import ai.paperclip.schema.migration.TableChanges.CreateTable;
import ai.paperclip.schema.model.ColumnModel;
import ai.paperclip.schema.model.SchemaModel;
import ai.paperclip.schema.model.TableModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SchemaDiffTest {

    /** The model with one column of a table replaced (same name) or appended (new name). */
    static SchemaModel withColumn(SchemaModel model, String table, ColumnModel column) {
        return map(model, table, t -> {
            List<ColumnModel> columns = new ArrayList<>(t.columns());
            int at = columns.indexOf(t.column(column.name()).orElse(null));
            if (at >= 0) {
                columns.set(at, column);
            } else {
                columns.add(column);
            }
            return columns;
        });
    }

    static SchemaModel withoutColumn(SchemaModel model, String table, String column) {
        return map(model, table, t -> t.columns().stream().filter(c -> !c.name().equals(column)).collect(Collectors.toList()));
    }

    private static SchemaModel map(SchemaModel model, String table,
            java.util.function.Function<TableModel, List<ColumnModel>> columns) {
        return new SchemaModel(model.extensions(), model.tables().stream().map(t -> !t.name().equals(table) ? t
                : new TableModel(t.name(), columns.apply(t), t.primaryKey(), t.foreignKeys(), t.uniqueConstraints(),
                        t.checks(), t.indexes())).collect(Collectors.toList()));
    }

    private static List<String> sql(List<SchemaChange> changes) {
        return changes.stream().flatMap(c -> c.forward().stream()).collect(Collectors.toList());
    }

    @Test
    void changesToExistingTablesTakeTheirLiveSafeFormOnlyWhenAskedInTheirSteps() {
        List<String> plain = SchemaDiff.between(TestModels.safeBase(), TestModels.safeTarget(), Decisions.none())
                .stream().map(c -> c.step() + " " + c.description()).toList();
        assertThat(plain).containsExactly("MAIN set not null on agents.title",
                "MAIN add check agents_rank_check on agents", "MAIN add unique constraint companies_name_unique on companies",
                "MAIN add foreign key agents_company_id_companies_id_fk on agents",
                "MAIN create index agents_name_idx on agents");
        List<String> safe = SchemaDiff.between(TestModels.safeBase(), TestModels.safeTarget(), Decisions.none(), null,
                true, true).stream().map(c -> c.step() + " " + c.description()).toList();
        // the order within the migration is the renderer's, by step: the golden file "safe" shows it
        assertThat(safe).containsExactlyInAnyOrder(
                "ATTACH add check agents_title_not_null (title IS NOT NULL) on agents NOT VALID",
                "VALIDATE validate constraint agents_title_not_null on agents",
                "SET_NOT_NULL set not null on agents.title using check agents_title_not_null",
                "CONCURRENT_INDEX build unique index companies_name_unique on companies concurrently",
                "ATTACH add unique constraint companies_name_unique on companies using its index",
                "ATTACH add check agents_rank_check on agents NOT VALID",
                "VALIDATE validate constraint agents_rank_check on agents",
                "ATTACH add foreign key agents_company_id_companies_id_fk on agents NOT VALID",
                "VALIDATE validate constraint agents_company_id_companies_id_fk on agents",
                "CONCURRENT_INDEX create index agents_name_idx on agents");
    }

    @Test
    void createsExtensionsFirstTablesNextAndForeignKeysAndIndexesAfterEveryTable() {
        List<SchemaChange> changes = SchemaDiff.between(SchemaModel.empty(), TestModels.v2(), Decisions.none());
        List<String> sql = sql(changes);
        assertThat(sql.get(0)).isEqualTo("CREATE EXTENSION IF NOT EXISTS pg_trgm");
        int lastCreate = sql.stream().filter(s -> s.startsWith("CREATE TABLE")).mapToInt(sql::indexOf).max().orElseThrow();
        int firstForeignKey = sql.stream().filter(s -> s.contains("FOREIGN KEY")).mapToInt(sql::indexOf).min().orElseThrow();
        int firstIndex = sql.stream().filter(s -> s.startsWith("CREATE INDEX")).mapToInt(sql::indexOf).min().orElseThrow();
        assertThat(lastCreate).isLessThan(firstForeignKey);
        assertThat(firstForeignKey).isLessThan(firstIndex);
    }

    @Test
    void dropsForeignKeysAndIndexesBeforeTheTableTheyBelongTo() {
        List<SchemaChange> changes = SchemaDiff.between(TestModels.v2(), TestModels.v1(), Decisions.of(
                Decision.allowDropTable("issues"), Decision.allowDropColumn("agents", "reports_to"),
                Decision.allowDropColumn("agents", "runtime_config"), Decision.allowDropColumn("companies", "description"),
                Decision.allowDropColumn("companies", "budget_monthly_cents")));
        List<String> sql = sql(changes);
        assertThat(sql).containsSubsequence(
                "ALTER TABLE issues DROP CONSTRAINT issues_assignee_agent_id_agents_id_fk",
                "DROP INDEX issues_title_trgm_idx",
                "ALTER TABLE agents DROP COLUMN reports_to",
                "DROP TABLE issues",
                "DROP EXTENSION IF EXISTS pg_trgm");
        assertThat(changes).filteredOn(c -> c.dataLoss().isPresent()).hasSize(5);
    }

    @Test
    void aDroppedAndAnAddedColumnAreNotGuessedToBeARename() {
        SchemaModel renamed = withColumn(withoutColumn(TestModels.v1(), "agents", "title"), "agents",
                col("job_title", "text", false, null));
        assertThatThrownBy(() -> SchemaDiff.between(TestModels.v1(), renamed, Decisions.none()))
                .isInstanceOf(UndecidedChangesException.class)
                .hasMessage("The schema change needs 1 decision that generate will not guess. Add the line you mean"
                        + " for each to decisions.txt in the migrations folder, commit it, and run generate again:\n"
                        + "- Column agents.title is gone from the definitions: dropping it deletes its values."
                        + " Was it renamed? One of:\n"
                        + "    rename column agents.title -> agents.job_title\n"
                        + "    allow drop column agents.title");
    }

    @Test
    void aRenameDecisionRenamesTheColumnAndKeepsItsData() {
        SchemaModel renamed = withColumn(withoutColumn(TestModels.v1(), "agents", "title"), "agents",
                col("job_title", "text", false, null));
        List<SchemaChange> changes = SchemaDiff.between(TestModels.v1(), renamed,
                Decisions.parse("rename column agents.title -> agents.job_title\n"));
        assertThat(changes).singleElement().isInstanceOf(RenameColumn.class);
        assertThat(sql(changes)).containsExactly("ALTER TABLE agents RENAME COLUMN title TO job_title");
        assertThat(changes.get(0).rollback()).containsExactly("ALTER TABLE agents RENAME COLUMN job_title TO title");
    }

    @Test
    void aDroppedTableListsTheAddedTablesAsRenameCandidates() {
        SchemaModel v1 = TestModels.v1();
        TableModel agents = v1.table("agents").orElseThrow();
        SchemaModel renamed = new SchemaModel(List.of(), List.of(v1.table("companies").orElseThrow(),
                new TableModel("workers", agents.columns(), null, List.of(), List.of(), List.of(), List.of())));
        assertThatThrownBy(() -> SchemaDiff.between(v1, renamed, Decisions.none()))
                .isInstanceOf(UndecidedChangesException.class)
                .hasMessageContaining("Table agents is gone from the definitions: dropping it deletes its rows."
                        + " Was it renamed? One of:\n    rename table agents -> workers\n    allow drop table agents");
    }

    @Test
    void refusesNarrowingTypesAndNotNullColumnsWithoutDefaultUntilAllowed() {
        SchemaModel changed = withColumn(withColumn(TestModels.v1(), "companies", col("name", "character varying(50)", true, null)),
                "agents", col("role", "text", true, null));
        UndecidedChangesException e = org.junit.jupiter.api.Assertions.assertThrows(UndecidedChangesException.class,
                () -> SchemaDiff.between(TestModels.v1(), changed, Decisions.none()));
        assertThat(e.changes()).flatMap(UndecidedChange::options).containsExactly(
                Decision.allowNotNullColumn("agents", "role"), Decision.allowTypeChange("companies", "name"));

        List<SchemaChange> allowed = SchemaDiff.between(TestModels.v1(), changed, Decisions.of(
                Decision.allowNotNullColumn("agents", "role"), Decision.allowTypeChange("companies", "name")));
        assertThat(sql(allowed)).containsExactly(
                "ALTER TABLE agents ADD COLUMN role text NOT NULL",
                "ALTER TABLE companies ALTER COLUMN name TYPE character varying(50) USING name::character varying(50)");
        assertThat(allowed).filteredOn(c -> c instanceof ChangeType).singleElement()
                .satisfies(c -> assertThat(c.dataLoss()).isPresent());
    }

    @Test
    void aWideningNeedsNoDecisionAndADefaultIsDroppedAroundTheTypeChange() {
        SchemaModel before = withColumn(TestModels.v1(), "companies", col("budget", "integer", true, "0"));
        SchemaModel after = withColumn(TestModels.v1(), "companies", col("budget", "bigint", false, "1"));
        List<SchemaChange> changes = SchemaDiff.between(before, after, Decisions.none());
        assertThat(sql(changes)).containsExactly(
                "ALTER TABLE companies ALTER COLUMN budget DROP DEFAULT",
                "ALTER TABLE companies ALTER COLUMN budget TYPE bigint",
                "ALTER TABLE companies ALTER COLUMN budget DROP NOT NULL",
                "ALTER TABLE companies ALTER COLUMN budget SET DEFAULT 1");
        List<String> rollback = new ArrayList<>();
        for (int i = changes.size() - 1; i >= 0; i--) {
            rollback.addAll(changes.get(i).rollback());
        }
        assertThat(rollback).containsExactly(
                "ALTER TABLE companies ALTER COLUMN budget DROP DEFAULT",
                "ALTER TABLE companies ALTER COLUMN budget SET NOT NULL",
                "ALTER TABLE companies ALTER COLUMN budget TYPE integer USING budget::integer",
                "ALTER TABLE companies ALTER COLUMN budget SET DEFAULT 0");
    }

    @Test
    void aPrompterAnswersEachUndecidedChange() {
        SchemaModel renamed = withColumn(withoutColumn(TestModels.v1(), "agents", "title"), "agents",
                col("job_title", "text", false, null));
        List<UndecidedChange> asked = new ArrayList<>();
        List<SchemaChange> changes = SchemaDiff.between(TestModels.v1(), renamed, Decisions.none(), change -> {
            asked.add(change);
            return Optional.of(change.options().get(0));
        }, false);
        assertThat(asked).hasSize(1);
        assertThat(changes).singleElement().isInstanceOf(RenameColumn.class);
    }

    @Test
    void aPrompterThatDeclinesStopsTheDiff() {
        SchemaModel fewer = withoutColumn(TestModels.v1(), "agents", "title");
        assertThatThrownBy(() -> SchemaDiff.between(TestModels.v1(), fewer, Decisions.none(), c -> Optional.empty(), false))
                .isInstanceOf(UndecidedChangesException.class);
    }

    @Test
    void aNewNullableColumnAndANewTableNeedNoDecision() {
        SchemaModel more = withColumn(TestModels.v1(), "agents", col("nickname", "text", false, null));
        assertThat(SchemaDiff.between(TestModels.v1(), more, Decisions.none())).singleElement().isInstanceOf(AddColumn.class);
        assertThat(SchemaDiff.between(SchemaModel.empty(), TestModels.v1(), Decisions.none()))
                .allSatisfy(c -> assertThat(c).isInstanceOf(CreateTable.class));
    }

    @Test
    void parsesEveryDecisionFormAndRejectsOthersNamingTheLine() {
        Decisions d = Decisions.parse("# comment\n\nrename table a -> b\nrename column t.x → t.y\nallow drop table a\n"
                + "allow drop column t.c\nallow type change t.c\nallow not null column t.d  # why\n");
        assertThat(d.list()).extracting(Decision::line).containsExactly("rename table a -> b",
                "rename column t.x -> t.y", "allow drop table a", "allow drop column t.c", "allow type change t.c",
                "allow not null column t.d");
        assertThatThrownBy(() -> Decisions.parse("rename table a -> b\nrename a to b\n"))
                .isInstanceOf(MigrationException.class).hasMessageStartingWith("decisions.txt line 2: 'rename a to b' is not a decision");
        assertThatThrownBy(() -> Decision.parse("rename column t.a -> u.b")).hasMessageContaining("moves a column between tables");
    }
}
