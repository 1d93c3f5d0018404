package ai.paperclip.examples.demo;

import static ai.paperclip.db.jooq.Tables.COMPANIES;
import static ai.paperclip.db.jooq.Tables.ISSUES;

import ai.paperclip.db.jooq.tables.records.IssuesRecord;
import ai.paperclip.schema.core.IssuesTable;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.impl.DSL;

/**
 * Creates issues numbered as upstream numbers them ({@code server/src/services/issues.ts}): in the
 * transaction that inserts the issue, the company's counter moves past the highest number in use and
 * returns it with the prefix; the issue becomes {@code <PREFIX>-<n>}. The counter row stays locked
 * until commit, so concurrent creators of the same company queue up instead of colliding.
 */
public final class IssueDesk {

    private IssueDesk() {
    }

    /** Inserts one issue and its activity entry; call inside a transaction. */
    public static IssuesRecord create(DSLContext tx, DemoCompany company, String title, IssuesTable.Status status,
                                      IssuesTable.Priority priority, UUID assignee) {
        Field<Integer> highestInUse = DSL.field(DSL.select(DSL.coalesce(DSL.max(ISSUES.ISSUE_NUMBER), DSL.inline(0)))
                .from(ISSUES).where(ISSUES.COMPANY_ID.eq(company.id())));
        // UPDATE companies SET issue_counter = greatest(issue_counter, <max issue_number>) + 1 ... RETURNING ...
        Record2<Integer, String> next = tx.update(COMPANIES)
                .set(COMPANIES.ISSUE_COUNTER, DSL.greatest(COMPANIES.ISSUE_COUNTER, highestInUse).plus(1))
                .where(COMPANIES.ID.eq(company.id()))
                .returningResult(COMPANIES.ISSUE_COUNTER, COMPANIES.ISSUE_PREFIX)
                .fetchSingle();

        IssuesRecord issue = tx.newRecord(ISSUES);
        issue.setCompanyId(company.id());
        issue.setProjectId(company.projectId());
        issue.setGoalId(company.goalId());
        issue.setTitle(title);
        issue.setStatus(status.value());
        issue.setPriority(priority.value());
        issue.setAssigneeAgentId(assignee);
        issue.setCreatedByAgentId(company.ceoId());
        issue.setIssueNumber(next.value1());
        issue.setIdentifier(next.value2() + "-" + next.value1());
        issue.store();
        DemoCompany.log(tx, company.id(), company.ceoId(), "issue.created", "issue", issue.getId(),
                "{\"identifier\":\"" + issue.getIdentifier() + "\"}");
        return issue;
    }
}
