package ai.paperclip.examples.demo;

import static ai.paperclip.db.jooq.Tables.AGENTS;
import static ai.paperclip.db.jooq.Tables.ISSUES;

import ai.paperclip.db.PaperclipDb;
import ai.paperclip.db.secrets.AgentApiKeys;
import ai.paperclip.schema.core.IssuesTable;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What every example does with Paperclip's tables, in transactions and through the generated jOOQ
 * classes: find or create the example company, add three issues, read it all back and print it. Run it
 * again on the same database and it reuses the company and adds three more issues.
 */
public final class CompanyTour {

    /** The company every run works on. */
    public static final String COMPANY_NAME = "Acme Robotics";

    private static final List<String> TITLES = List.of(
            "Set up continuous integration", "Write the onboarding guide", "Draft the launch announcement",
            "Fix the sign-up form validation", "Review the monthly budget", "Add a status page");

    /** What a run did, for the caller (and the tests). */
    public record Outcome(DemoCompany company, List<String> issuesAdded) {
    }

    private CompanyTour() {
    }

    public static Outcome run(PaperclipDb db, PrintStream out) {
        DemoCompany company = db.dsl().transactionResult(tx -> DemoCompany.findOrCreate(tx.dsl(), COMPANY_NAME));
        if (company.created()) {
            String token = company.apiKey().orElseThrow();
            out.printf("Created %s (issue prefix %s): CEO %s, engineer %s reporting to %s, goal \"%s\", project %s.%n",
                    company.name(), company.issuePrefix(), DemoCompany.CEO_NAME, DemoCompany.ENGINEER_NAME,
                    DemoCompany.CEO_NAME, DemoCompany.GOAL_TITLE, DemoCompany.PROJECT_NAME);
            out.printf("API key for %s: %s (shown once; only its SHA-256 is stored, and a lookup by hash finds %s)%n",
                    DemoCompany.ENGINEER_NAME, AgentApiKeys.masked(token), agentByToken(db, token));
        } else {
            out.printf("Found %s (issue prefix %s) from an earlier run: adding to it.%n", company.name(),
                    company.issuePrefix());
        }

        List<String> added = new ArrayList<>();
        int existing = db.dsl().fetchCount(ISSUES, ISSUES.COMPANY_ID.eq(company.id()));
        added.add(addIssue(db, company, existing, IssuesTable.Status.TODO, IssuesTable.Priority.HIGH, company.engineerId()));
        added.add(addIssue(db, company, existing + 1, IssuesTable.Status.IN_PROGRESS, IssuesTable.Priority.MEDIUM, company.engineerId()));
        added.add(addIssue(db, company, existing + 2, IssuesTable.Status.BACKLOG, IssuesTable.Priority.LOW, company.ceoId()));
        out.println("Added issues " + String.join(", ", added) + ".");
        out.println();

        db.dsl().transaction(tx -> DemoReport.print(tx.dsl(), company, out));
        return new Outcome(company, List.copyOf(added));
    }

    /** Each issue in its own transaction, as an application creates them one request at a time. */
    private static String addIssue(PaperclipDb db, DemoCompany company, int index, IssuesTable.Status status,
                                   IssuesTable.Priority priority, UUID assignee) {
        String title = TITLES.get(index % TITLES.size());
        return db.dsl().transactionResult(tx ->
                IssueDesk.create(tx.dsl(), company, title, status, priority, assignee).getIdentifier());
    }

    /** How an API request is authenticated: the presented token's hash is looked up (revoked keys never match). */
    static String agentByToken(PaperclipDb db, String token) {
        return AgentApiKeys.of(db).authenticate(token)
                .map(key -> db.dsl().select(AGENTS.NAME).from(AGENTS).where(AGENTS.ID.eq(key.agentId())).fetchSingle(AGENTS.NAME))
                .orElse("nobody");
    }
}
