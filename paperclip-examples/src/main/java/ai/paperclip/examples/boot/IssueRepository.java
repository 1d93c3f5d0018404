package ai.paperclip.examples.boot;

import static ai.paperclip.db.jooq.Tables.COMPANIES;
import static ai.paperclip.db.jooq.Tables.ISSUES;

import ai.paperclip.db.jooq.tables.records.IssuesRecord;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Companies and their issues through the generated jOOQ classes, on Boot's {@code DSLContext} (so
 * {@code @Transactional} applies). Issues are numbered as upstream numbers them: the company's counter moves past the
 * highest number in use in the transaction that inserts the issue, whose identifier becomes {@code <PREFIX>-<n>}.
 */
@Repository
public class IssueRepository {

    private static final List<String> CLOSED = List.of("done", "cancelled");

    private final DSLContext dsl;

    public IssueRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Creates the company unless one already has {@code prefix}. */
    @Transactional
    public UUID company(String name, String prefix) {
        return companyId(prefix).orElseGet(() -> dsl.insertInto(COMPANIES).set(COMPANIES.NAME, name)
                .set(COMPANIES.ISSUE_PREFIX, prefix).returning(COMPANIES.ID).fetchSingle(COMPANIES.ID));
    }

    /** A new backlog issue of the company with {@code prefix}, or empty when there is no such company. */
    @Transactional
    public Optional<IssueView> create(String prefix, String title) {
        return companyId(prefix).map(company -> {
            Field<Integer> highestInUse = DSL.field(DSL.select(DSL.coalesce(DSL.max(ISSUES.ISSUE_NUMBER), DSL.inline(0)))
                    .from(ISSUES).where(ISSUES.COMPANY_ID.eq(company)));
            Record2<Integer, String> next = dsl.update(COMPANIES)
                    .set(COMPANIES.ISSUE_COUNTER, DSL.greatest(COMPANIES.ISSUE_COUNTER, highestInUse).plus(1))
                    .where(COMPANIES.ID.eq(company))
                    .returningResult(COMPANIES.ISSUE_COUNTER, COMPANIES.ISSUE_PREFIX)
                    .fetchSingle();
            IssuesRecord issue = dsl.newRecord(ISSUES);
            issue.setCompanyId(company);
            issue.setTitle(title);
            issue.setIssueNumber(next.value1());
            issue.setIdentifier(next.value2() + "-" + next.value1());
            issue.store();
            issue.refresh();
            return view(issue);
        });
    }

    /** The open issues of the company with {@code prefix}, in number order; empty when there is no such company. */
    @Transactional(readOnly = true)
    public Optional<List<IssueView>> open(String prefix) {
        return companyId(prefix).map(company -> dsl.selectFrom(ISSUES)
                .where(ISSUES.COMPANY_ID.eq(company), ISSUES.STATUS.notIn(CLOSED), ISSUES.HIDDEN_AT.isNull())
                .orderBy(ISSUES.ISSUE_NUMBER).fetch(IssueRepository::view));
    }

    /** Open issues of every company. */
    public int openCount() {
        return dsl.fetchCount(ISSUES, ISSUES.STATUS.notIn(CLOSED));
    }

    private Optional<UUID> companyId(String prefix) {
        return dsl.select(COMPANIES.ID).from(COMPANIES).where(COMPANIES.ISSUE_PREFIX.eq(prefix)).fetchOptional(COMPANIES.ID);
    }

    private static IssueView view(IssuesRecord issue) {
        return new IssueView(issue.getIdentifier(), issue.getTitle(), issue.getStatus());
    }
}
