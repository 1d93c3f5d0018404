package ai.paperclip.examples.demo;

import static ai.paperclip.db.jooq.Tables.ACTIVITY_LOG;
import static ai.paperclip.db.jooq.Tables.AGENTS;
import static ai.paperclip.db.jooq.Tables.AGENT_API_KEYS;
import static ai.paperclip.db.jooq.Tables.ISSUES;

import ai.paperclip.db.jooq.tables.records.AgentsRecord;
import ai.paperclip.db.jooq.tables.records.IssuesRecord;
import ai.paperclip.schema.core.IssuesTable;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Result;

/** Reads the example company back and prints the org chart and the open issues of each agent. */
public final class DemoReport {

    private static final List<String> CLOSED = List.of(IssuesTable.Status.DONE.value(), IssuesTable.Status.CANCELLED.value());

    private DemoReport() {
    }

    /** Prints the report for {@code company}; read in one transaction, so the figures agree with each other. */
    public static void print(DSLContext tx, DemoCompany company, PrintStream out) {
        Result<AgentsRecord> agents = tx.selectFrom(AGENTS).where(AGENTS.COMPANY_ID.eq(company.id()))
                .orderBy(AGENTS.CREATED_AT).fetch();
        Map<UUID, Result<IssuesRecord>> openByAssignee = tx.selectFrom(ISSUES)
                .where(ISSUES.COMPANY_ID.eq(company.id()), ISSUES.STATUS.notIn(CLOSED), ISSUES.HIDDEN_AT.isNull())
                .orderBy(ISSUES.ISSUE_NUMBER)
                .fetchGroups(ISSUES.ASSIGNEE_AGENT_ID);
        int issues = tx.fetchCount(ISSUES, ISSUES.COMPANY_ID.eq(company.id()));
        int keys = tx.fetchCount(AGENT_API_KEYS, AGENT_API_KEYS.COMPANY_ID.eq(company.id()),
                AGENT_API_KEYS.REVOKED_AT.isNull());
        int activity = tx.fetchCount(ACTIVITY_LOG, ACTIVITY_LOG.COMPANY_ID.eq(company.id()));

        out.printf("%s (issue prefix %s): %d agents, %d issues, %d active API key%s, %d activity entries%n",
                company.name(), company.issuePrefix(), agents.size(), issues, keys, keys == 1 ? "" : "s", activity);
        out.println();
        out.println("Org chart");
        agents.stream().filter(a -> a.getReportsTo() == null).forEach(root -> printTree(root, agents, 0, out));
        out.println();
        out.println("Open issues by assignee");
        for (AgentsRecord agent : agents) {
            List<IssuesRecord> open = openByAssignee.containsKey(agent.getId()) ? openByAssignee.get(agent.getId()) : List.of();
            out.printf("  %s (%d)%n", agent.getName(), open.size());
            open.forEach(i -> out.printf("    %-8s %-12s %s%n", i.getIdentifier(), i.getStatus(), i.getTitle()));
        }
    }

    private static void printTree(AgentsRecord agent, List<AgentsRecord> all, int depth, PrintStream out) {
        String indent = depth == 0 ? "  " : "  " + "   ".repeat(depth - 1) + "└─ ";
        out.printf("%s%s, %s (%s)%n", indent, agent.getName(), agent.getTitle(), agent.getRole());
        all.stream().filter(a -> agent.getId().equals(a.getReportsTo()))
                .forEach(report -> printTree(report, all, depth + 1, out));
    }
}
