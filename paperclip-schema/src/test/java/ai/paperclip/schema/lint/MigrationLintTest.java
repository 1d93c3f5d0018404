package ai.paperclip.schema.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.paperclip.schema.lint.MigrationLint.SqlFile;
import ai.paperclip.schema.migration.MigrationException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Each rule on a failing and a passing fixture, with the exact message. The fixtures run after a first
 * migration that creates {@code companies} and {@code agents}, so those are existing tables.
 */
class MigrationLintTest {

    static final String BASE = "--liquibase formatted sql\n--changeset a:0000\n"
            + "CREATE TABLE companies (id uuid PRIMARY KEY, name text NOT NULL);\n"
            + "CREATE TABLE agents (id uuid NOT NULL, company_id uuid, name text, title text, rank integer,\n"
            + "    CONSTRAINT agents_pkey PRIMARY KEY (id));\n"
            + "CREATE INDEX agents_company_idx ON agents (company_id);\n";

    static final String HEAD = "--liquibase formatted sql\n--changeset a:0001\nSET LOCAL lock_timeout = '5s';\n";

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of(LintRule.CREATE_INDEX_NOT_CONCURRENTLY,
                        HEAD + "CREATE INDEX agents_name_idx ON agents (name);",
                        "--liquibase formatted sql\n--changeset a:0001 runInTransaction:false\n"
                                + "CREATE INDEX CONCURRENTLY agents_name_idx ON agents (name);",
                        "CREATE INDEX agents_name_idx on existing table agents without CONCURRENTLY blocks writes to"
                                + " agents for the whole build"),
                Arguments.of(LintRule.CREATE_INDEX_NOT_CONCURRENTLY,
                        HEAD + "ALTER TABLE companies ADD CONSTRAINT companies_name_key UNIQUE (name);",
                        HEAD + "ALTER TABLE companies ADD CONSTRAINT companies_name_key UNIQUE USING INDEX companies_name_key;",
                        "ADD UNIQUE on existing table companies builds its index under an ACCESS EXCLUSIVE lock (build it"
                                + " with CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ... USING INDEX)"),
                Arguments.of(LintRule.CONSTRAINT_WITHOUT_NOT_VALID,
                        HEAD + "ALTER TABLE agents ADD CONSTRAINT agents_company_fk FOREIGN KEY (company_id)"
                                + " REFERENCES companies(id) ON DELETE CASCADE;",
                        HEAD + "ALTER TABLE agents ADD CONSTRAINT agents_company_fk FOREIGN KEY (company_id)"
                                + " REFERENCES companies(id) ON DELETE CASCADE NOT VALID;",
                        "ADD FOREIGN KEY agents_company_fk on existing table agents without NOT VALID checks every row"
                                + " under a lock that blocks writes"),
                Arguments.of(LintRule.CONSTRAINT_WITHOUT_NOT_VALID,
                        HEAD + "ALTER TABLE \"agents\" ADD CHECK (rank >= 0);",
                        HEAD + "ALTER TABLE \"agents\" ADD CHECK (rank >= 0) NOT VALID;",
                        "ADD CHECK on existing table agents without NOT VALID checks every row under a lock that blocks"
                                + " writes"),
                Arguments.of(LintRule.SET_NOT_NULL_WITHOUT_CHECK,
                        HEAD + "ALTER TABLE agents ALTER COLUMN title SET NOT NULL;",
                        HEAD + "ALTER TABLE agents ADD CONSTRAINT agents_title_nn CHECK (title IS NOT NULL) NOT VALID;\n"
                                + "--changeset a:0001_validate\nALTER TABLE agents VALIDATE CONSTRAINT agents_title_nn;\n"
                                + "--changeset a:0001_not_null\nSET LOCAL lock_timeout = '5s';\n"
                                + "ALTER TABLE agents ALTER COLUMN title SET NOT NULL, DROP CONSTRAINT agents_title_nn;",
                        "SET NOT NULL on agents.title scans existing table agents under ACCESS EXCLUSIVE: no validated"
                                + " CHECK (title IS NOT NULL) precedes it in this migration"),
                Arguments.of(LintRule.VOLATILE_DEFAULT,
                        HEAD + "ALTER TABLE agents ADD COLUMN token uuid DEFAULT gen_random_uuid() NOT NULL;",
                        HEAD + "ALTER TABLE agents ADD COLUMN created_at timestamptz DEFAULT now() NOT NULL;",
                        "ADD COLUMN agents.token with the volatile default gen_random_uuid() rewrites existing table agents"),
                Arguments.of(LintRule.TYPE_CHANGE_REWRITE,
                        HEAD + "ALTER TABLE agents ALTER COLUMN rank TYPE bigint;",
                        HEAD + "ALTER TABLE agents ALTER COLUMN name TYPE text;",
                        "changing the type of agents.rank to bigint may rewrite existing table agents and its indexes"
                                + " under ACCESS EXCLUSIVE"),
                Arguments.of(LintRule.BREAKING_RENAME_OR_DROP,
                        HEAD + "ALTER TABLE agents RENAME COLUMN title TO job_title;",
                        HEAD + "ALTER TABLE agents RENAME CONSTRAINT agents_pkey TO agents_pk;",
                        "RENAME COLUMN agents.title TO job_title breaks the application version still running, which"
                                + " uses the old name"),
                Arguments.of(LintRule.BREAKING_RENAME_OR_DROP,
                        HEAD + "DROP TABLE companies;",
                        HEAD + "CREATE TABLE scratch (id int);\nDROP TABLE scratch;",
                        "DROP TABLE companies breaks the application version still running if it uses the table"),
                Arguments.of(LintRule.MISSING_LOCK_TIMEOUT,
                        "--changeset a:0001\nALTER TABLE agents ADD COLUMN bio text;",
                        "--changeset a:0001\nSET lock_timeout TO '2s';\nALTER TABLE agents ADD COLUMN bio text;",
                        "\"ALTER TABLE agents ADD COLUMN bio text\" locks existing table agents against reads or writes"
                                + " with no lock_timeout set before it in this changeset"),
                Arguments.of(LintRule.UNBATCHED_MUTATION,
                        HEAD + "UPDATE agents SET title = 'none' WHERE true;",
                        HEAD + "UPDATE agents SET title = 'none' WHERE id = '00000000-0000-0000-0000-000000000000';",
                        "UPDATE of existing table agents without a selective WHERE changes every row in one transaction"),
                Arguments.of(LintRule.BATCHED_MUTATION_WITHOUT_INDEX,
                        HEAD + "UPDATE agents SET title = 'x' WHERE id IN (SELECT id FROM agents WHERE title IS NULL"
                                + " LIMIT 1000);",
                        HEAD + "DELETE FROM agents WHERE company_id IN (SELECT company_id FROM agents LIMIT 1000);",
                        "batched UPDATE of existing table agents filters on no indexed column (indexed: company_id, id):"
                                + " every batch scans agents"),
                Arguments.of(LintRule.BATCHED_MUTATION_WITHOUT_INDEX,
                        HEAD + "DO $$\nBEGIN\n  LOOP\n    DELETE FROM agents WHERE title = 'x;y';\n"
                                + "    EXIT WHEN NOT FOUND;\n  END LOOP;\nEND $$;",
                        HEAD + "DO $body$\nBEGIN\n  LOOP\n    DELETE FROM agents WHERE company_id IS NULL;\n"
                                + "    EXIT WHEN NOT FOUND;\n  END LOOP;\nEND $body$;",
                        "looped DELETE of existing table agents filters on no indexed column (indexed: company_id, id):"
                                + " every batch scans agents"),
                Arguments.of(LintRule.CONCURRENTLY_IN_TRANSACTION,
                        "--changeset a:0001\nCREATE INDEX CONCURRENTLY agents_name_idx ON agents (name);",
                        "--changeset a:0001 runInTransaction:false\nCREATE INDEX CONCURRENTLY agents_name_idx ON agents (name);",
                        "CONCURRENTLY inside a transaction fails: this changeset runs in one (add runInTransaction:false"
                                + " to its --changeset line)"),
                Arguments.of(LintRule.INVALID_IGNORE,
                        HEAD + "-- paperclip:lint-ignore create-index-not-concurrently:\nCREATE INDEX i ON agents (name);",
                        HEAD + "-- paperclip:lint-ignore create-index-not-concurrently: agents has 12 rows in every"
                                + " deployment\nCREATE INDEX i ON agents (name);",
                        "the silencing comment gives no reason after ':'; nothing is silenced by it"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRuleFailsItsFixtureWithTheExactMessageAndPassesTheSafeOne(LintRule rule, String failing, String passing,
            String message) {
        LintReport bad = lintAfterBase(failing);
        assertThat(bad.findings()).as(bad.text()).filteredOn(f -> f.rule() == rule).extracting(LintFinding::message)
                .containsExactly(message);
        assertThat(bad.findings()).filteredOn(f -> f.rule() == rule).allSatisfy(f -> {
            assertThat(f.file()).isEqualTo("0001_fixture.sql");
            assertThat(f.line()).isEqualTo(lineOf(failing, f.statement()));
        });
        LintReport good = lintAfterBase(passing);
        assertThat(good.findings()).as(good.text()).isEmpty();
    }

    @Test
    void tablesCreatedInTheSameMigrationAreExemptAndAreExistingForTheNextOne() {
        String create = "--changeset a:0000\nCREATE TABLE t (id int PRIMARY KEY, v text);\n"
                + "CREATE INDEX t_v_idx ON t (v);\nALTER TABLE t ADD CONSTRAINT t_v_check CHECK (v <> '');\n"
                + "ALTER TABLE t ALTER COLUMN v SET NOT NULL;\n";
        LintReport report = MigrationLint.lint(List.of(new SqlFile("0000.sql", create),
                new SqlFile("0001.sql", "--changeset a:0001\nCREATE INDEX t_id_idx ON t (id);\n")));
        assertThat(report.findings()).extracting(f -> f.file() + ":" + f.line() + " " + f.rule().id())
                .containsExactly("0001.sql:2 create-index-not-concurrently", "0001.sql:2 missing-lock-timeout");
    }

    @Test
    void silencesOneStatementForTheNamedRulesWithOurCommentOrUpstreamsAndCountsThem() {
        LintReport report = lintAfterBase("--changeset a:0001\n"
                + "-- paperclip:lint-ignore create-index-not-concurrently, missing-lock-timeout: agents is tiny\n"
                + "CREATE INDEX a1 ON agents (name);\n"
                + "-- paperclip:migration-safety-ignore large-create-index-not-concurrently: carried over from upstream\n"
                + "CREATE INDEX a2 ON agents (title);\n"
                + "-- paperclip:migration-safety-ignore all: maintenance window\n"
                + "CREATE INDEX a3 ON agents (rank);\n"
                + "CREATE INDEX a4 ON agents (id);\n");
        assertThat(report.silenced()).isEqualTo(5);
        assertThat(report.findings()).extracting(f -> f.line() + " " + f.rule().id()).containsExactly(
                "5 missing-lock-timeout", "8 create-index-not-concurrently", "8 missing-lock-timeout");
    }

    @Test
    void aSilencingCommentNamingAnUnknownRuleSilencesNothingAndSaysSo() {
        LintReport report = lintAfterBase(HEAD + "-- paperclip:lint-ignore index-thing: because\n"
                + "CREATE INDEX a1 ON agents (name);\n");
        assertThat(report.findings()).extracting(LintFinding::message).containsExactly(
                "the silencing comment names an unknown rule 'index-thing'; nothing is silenced by it",
                "CREATE INDEX a1 on existing table agents without CONCURRENTLY blocks writes to agents for the whole build");
    }

    @Test
    void ignoresSqlInsideLiteralsDollarQuotesCommentsAndRollbackLines() {
        LintReport report = lintAfterBase(HEAD
                + "INSERT INTO companies (id, name) VALUES (gen_random_uuid(), 'x; UPDATE agents SET name = 1');\n"
                + "/* UPDATE agents SET name = 1; /* nested */ DROP TABLE agents; */\n"
                + "SELECT $f$ DELETE FROM agents $f$;\n"
                + "--rollback DROP TABLE agents;\n");
        assertThat(report.findings()).isEmpty();
        assertThat(report.statements()).isEqualTo(6); // three in the base file
    }

    @Test
    void theCoreHistoryPassesTheLint() {
        LintReport report = MigrationLint.lintFolder(Path.of("src/main/resources/ai/paperclip/schema/migrations"));
        assertThat(report.files()).isPositive();
        assertThat(report.findings()).as(report.text()).isEmpty();
    }

    @Test
    void rendersTextJsonAndGithubAnnotations() {
        LintReport report = lintAfterBase("--changeset a:0001\nALTER TABLE agents RENAME COLUMN title TO t;\n");
        assertThat(report.ok()).isFalse();
        assertThat(report.text()).isEqualTo("0001_fixture.sql:2: breaking-rename-or-drop: RENAME COLUMN agents.title TO t"
                + " breaks the application version still running, which uses the old name (warning)\n"
                + "    ALTER TABLE agents RENAME COLUMN title TO t\n"
                + "    fix: " + LintRule.BREAKING_RENAME_OR_DROP.fix() + "\n"
                + "0001_fixture.sql:2: missing-lock-timeout: \"ALTER TABLE agents RENAME COLUMN title TO t\" locks existing"
                + " table agents against reads or writes with no lock_timeout set before it in this changeset\n"
                + "    ALTER TABLE agents RENAME COLUMN title TO t\n"
                + "    fix: " + LintRule.MISSING_LOCK_TIMEOUT.fix() + "\n"
                + "Lint: 2 files, 4 statements: 1 error, 1 warning.");
        assertThat(report.json()).contains("\"rule\" : \"missing-lock-timeout\"", "\"severity\" : \"warning\"",
                "\"line\" : 2", "\"ok\" : false");
        assertThat(report.githubAnnotations().lines()).containsExactly(
                "::warning file=0001_fixture.sql,line=2,title=breaking-rename-or-drop::RENAME COLUMN agents.title TO t"
                        + " breaks the application version still running, which uses the old name. Fix: "
                        + LintRule.BREAKING_RENAME_OR_DROP.fix(),
                "::error file=0001_fixture.sql,line=2,title=missing-lock-timeout::\"ALTER TABLE agents RENAME COLUMN"
                        + " title TO t\" locks existing table agents against reads or writes with no lock_timeout set"
                        + " before it in this changeset. Fix: " + LintRule.MISSING_LOCK_TIMEOUT.fix());
    }

    @Test
    void warningsAloneDoNotFail() {
        assertThat(lintAfterBase(HEAD + "ALTER TABLE agents DROP COLUMN rank;").ok()).isTrue();
    }

    @Test
    void everyRuleHasAUniqueStableIdAReasonAndAFix() {
        assertThat(Arrays.stream(LintRule.values()).map(LintRule::id)).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("[a-z]+(-[a-z]+)+"));
        assertThat(LintRule.values()).allSatisfy(r -> assertThat(r.reason()).isNotBlank())
                .allSatisfy(r -> assertThat(r.fix()).isNotBlank());
        assertThat(LintRule.byId("full-table-mutation-large-table")).contains(LintRule.UNBATCHED_MUTATION);
    }

    @Test
    void aMissingFileIsAClearError() {
        assertThatThrownBy(() -> MigrationLint.lintFiles(List.of(Path.of("no/such.sql"))))
                .isInstanceOf(MigrationException.class)
                .hasMessage("Cannot lint no/such.sql: no such file. Give .sql migration files or a migrations folder.");
    }

    private static LintReport lintAfterBase(String sql) {
        return MigrationLint.lint(List.of(new SqlFile("0000_base.sql", BASE), new SqlFile("0001_fixture.sql", sql)));
    }

    /** The line the statement (whitespace collapsed) starts on in {@code sql}. */
    private static int lineOf(String sql, String statement) {
        if (statement.startsWith("--")) {
            return List.of(sql.split("\n", -1)).indexOf(statement) + 1;
        }
        String first = statement.split(" ")[0];
        String[] lines = sql.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(first) && statement.startsWith(lines[i].strip().split(" ")[0])) {
                String collapsed = String.join(" ", Arrays.copyOfRange(lines, i, lines.length)).replaceAll("\\s+", " ");
                if (collapsed.startsWith(statement.replace("...", ""))) {
                    return i + 1;
                }
            }
        }
        return -1;
    }
}
