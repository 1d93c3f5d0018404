package ai.paperclip.examples;

import static ai.paperclip.db.jooq.Tables.ACTIVITY_LOG;
import static ai.paperclip.db.jooq.Tables.AGENTS;
import static ai.paperclip.db.jooq.Tables.AGENT_API_KEYS;
import static ai.paperclip.db.jooq.Tables.COMPANIES;
import static ai.paperclip.db.jooq.Tables.GOALS;
import static ai.paperclip.db.jooq.Tables.ISSUES;
import static ai.paperclip.db.jooq.Tables.PROJECTS;
import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.db.DatabaseTarget;
import ai.paperclip.db.PaperclipDb;
import ai.paperclip.db.PaperclipDbOptions;
import ai.paperclip.examples.demo.CompanyTour;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command: QuickStart on the embedded default, run once, twice, and as the built jar. */
class QuickStartIT {

    @TempDir
    static Path home;

    @Test
    void createsTheCompanyThenASecondRunFindsItAndAddsThreeIssuesWithoutDuplicatingAnything() {
        Map<String, String> env = Instances.newInstance(home);
        Instances.Output first = new Instances.Output();
        Instances.Output second = new Instances.Output();

        QuickStart.run(env, first.stream);
        CompanyTour.Outcome again = QuickStart.run(env, second.stream);

        assertThat(first.text()).contains("Created Acme Robotics (issue prefix ACM)", "Added issues ACM-1, ACM-2, ACM-3.",
                "Ada, Chief Executive Officer (ceo)", "└─ Linus, Founding Engineer (engineer)",
                "lookup by hash finds Linus");
        Path data = home.resolve("instances").resolve(env.get("PAPERCLIP_INSTANCE_ID")).resolve("db");
        assertThat(first.text()).contains("The data lives in " + data, "rm -rf " + data);
        assertThat(second.text()).contains("Found Acme Robotics (issue prefix ACM) from an earlier run",
                "Added issues ACM-4, ACM-5, ACM-6.", "2 agents, 6 issues, 1 active API key, 12 activity entries",
                "Linus (4)", "Ada (2)");
        assertThat(again.issuesAdded()).containsExactly("ACM-4", "ACM-5", "ACM-6");

        inDatabase(env, dsl -> {
            assertThat(dsl.fetchCount(COMPANIES)).isOne();
            assertThat(dsl.fetchCount(AGENTS)).isEqualTo(2);
            assertThat(dsl.fetchCount(GOALS)).isOne();
            assertThat(dsl.fetchCount(PROJECTS)).isOne();
            assertThat(dsl.fetchCount(ACTIVITY_LOG)).isEqualTo(12);
            assertThat(dsl.select(ISSUES.IDENTIFIER).from(ISSUES).orderBy(ISSUES.ISSUE_NUMBER).fetch(ISSUES.IDENTIFIER))
                    .containsExactly("ACM-1", "ACM-2", "ACM-3", "ACM-4", "ACM-5", "ACM-6");
            assertThat(dsl.fetchValue(COMPANIES.ISSUE_COUNTER)).isEqualTo(6);
            assertThat(dsl.select(AGENTS.NAME).from(AGENTS).where(AGENTS.REPORTS_TO.eq(
                    dsl.select(AGENTS.ID).from(AGENTS).where(AGENTS.ROLE.eq("ceo")))).fetch(AGENTS.NAME))
                    .containsExactly("Linus");
            List<String> hashes = dsl.fetchValues(AGENT_API_KEYS.KEY_HASH);
            assertThat(hashes).singleElement().asString().matches("[0-9a-f]{64}");
        });
        // The token was shown once, masked: it is neither in the output nor stored anywhere.
        assertThat(first.text()).doesNotContainPattern("pcp_[0-9a-f]{48}");
    }

    @Test
    void retriesTheIssuePrefixWithSuffixesWhenOtherCompaniesHoldIt() {
        Map<String, String> env = Instances.newInstance(home);
        inDatabase(env, dsl -> {
            dsl.insertInto(COMPANIES, COMPANIES.NAME, COMPANIES.ISSUE_PREFIX).values("Acme Inc", "ACM").execute();
            dsl.insertInto(COMPANIES, COMPANIES.NAME, COMPANIES.ISSUE_PREFIX).values("Acme Mining", "ACMA").execute();
        });
        Instances.Output out = new Instances.Output();

        CompanyTour.Outcome outcome = QuickStart.run(env, out.stream);

        assertThat(outcome.company().issuePrefix()).isEqualTo("ACMAA");
        assertThat(outcome.issuesAdded()).containsExactly("ACMAA-1", "ACMAA-2", "ACMAA-3");
        inDatabase(env, dsl -> assertThat(dsl.fetchCount(COMPANIES)).isEqualTo(3));
    }

    @Test
    void theBuiltJarRunsTheQuickStartAsTheReadmeSays() throws Exception {
        Map<String, String> env = Instances.newInstance(home);
        Path jar = Path.of(System.getProperty("paperclip.examples.jar"));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("DATABASE_") || name.startsWith("PAPERCLIP_"));
        builder.environment().putAll(env);
        builder.redirectOutput(home.resolve("jar-output.txt").toFile());

        Process process = builder.start();
        boolean ended = process.waitFor(5, TimeUnit.MINUTES);
        String output = Files.readString(home.resolve("jar-output.txt"), StandardCharsets.UTF_8);

        assertThat(ended).as("QuickStart ended; its output:%n%s", output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("Paperclip quick start on embedded PostgreSQL", "Added issues ACM-1, ACM-2, ACM-3.",
                "Empty database", "Stopped PostgreSQL for " + home.resolve("instances")
                        .resolve(env.get("PAPERCLIP_INSTANCE_ID")).resolve("db"));
    }

    private static void inDatabase(Map<String, String> env, Consumer<DSLContext> body) {
        try (PaperclipDb db = PaperclipDb.create(DatabaseTarget.resolve(env), PaperclipDbOptions.defaults())) {
            body.accept(db.dsl());
        }
    }
}
