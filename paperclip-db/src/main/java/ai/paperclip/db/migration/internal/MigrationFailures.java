package ai.paperclip.db.migration.internal;

import ai.paperclip.db.PaperclipDbException;
import ai.paperclip.db.migration.MigrationFailedException;
import ai.paperclip.db.migration.MigrationRefusedException;
import ai.paperclip.db.migration.MigrationStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Words a {@link ChangesetFailure}: which changeset, which statement, PostgreSQL's message, where the database stays. */
public final class MigrationFailures {

    /** One entry of Liquibase's list of changed checksums: {@code file::id::author was: X but is now: Y}. */
    private static final Pattern CHANGED = Pattern.compile("(.+?)::(.+)::([^:]+) was: (\\S+) but is now: (\\S+)");

    private MigrationFailures() {
    }

    /**
     * Refuses to migrate or start while a committed migration was edited: its file no longer matches its checksum
     * in the journal, or an applied one no longer gives the checksum recorded when it was applied (an edit whose
     * journal entry was updated too). An applied migration never runs again, so the schema would silently differ
     * from what the application was built for.
     */
    public static MigrationRefusedException edited(MigrationStatus status, String where) {
        List<String> edited = status.edited();
        List<String> applied = edited.stream().filter(status.applied()::contains).toList();
        boolean one = edited.size() == 1;
        String files = String.join(" ", edited.stream().map(t -> t + ".sql").toList());
        List<String> details = status.problems().stream().filter(p -> edited.stream().anyMatch(p::startsWith)).toList();
        return new MigrationRefusedException("Refusing to migrate " + where + ": migration" + (one ? " " : "s ")
                + String.join(", ", edited) + (one ? " was" : " were") + " edited after " + (one ? "it was" : "they were")
                + " committed: " + String.join("; ", details)
                + (applied.isEmpty() ? "" : ". " + String.join(", ", applied) + (applied.size() == 1 ? " is" : " are")
                        + " already applied there as committed then, so the edit would never run and the schema would not"
                        + " be what this application expects")
                + ". Nothing was changed. Restore the file as it was committed and applied (git checkout, git log -- "
                + files + ") and put the change in a new migration (paperclip-migrate generate, --custom for hand-written"
                + " SQL); paperclip-migrate check --database reports the same in CI.", status.pending());
    }

    /**
     * Refuses to run migration SQL that commits, rolls back or begins a transaction itself: each changeset runs in
     * one transaction with its history row, and a COMMIT inside would make part of a failing migration permanent
     * while the failure reports it rolled back.
     *
     * @param found {@code 0001_backfill.sql line 7: COMMIT}, ...
     * @param operation {@code migrate}, {@code roll back}
     */
    public static MigrationRefusedException transactionControl(List<String> found, String where, String operation,
            List<String> pending) {
        return new MigrationRefusedException("Refusing to " + operation + " " + where + ": migration SQL controls its"
                + " transaction itself (" + String.join("; ", found) + "). Each changeset runs in one transaction with"
                + " its history row; a COMMIT inside makes the work before it permanent even when a later statement"
                + " fails, so a failure would be reported as rolled back while part of it stayed. Nothing was changed."
                + " Remove the statement, or put work that cannot run in a transaction in a changeset marked"
                + " runInTransaction:false; paperclip-migrate check reports this in CI.", pending);
    }

    /**
     * @param operation what was being done, for failures outside a changeset ("Migrating", "Rolling back")
     */
    public static PaperclipDbException describe(ChangesetFailure f, MigrationStatus before, String where, String operation) {
        String state = f.sqlState() == null ? "" : " [SQLSTATE " + f.sqlState() + "]";
        if (!f.changedChecksums().isEmpty()) {
            return changedChecksums(f, before, where);
        }
        if (f.migration() == null) {
            return new PaperclipDbException(operation + " " + where + " failed: " + oneLine(f.databaseMessage()) + state
                    + (f.statement() == null ? "" : " (statement: " + f.statement() + ")"), f.sqlState(), f);
        }
        List<String> good = new ArrayList<>(before == null ? List.of() : before.applied());
        for (String entry : f.appliedBefore()) {
            String tag = entry.substring(0, entry.indexOf('/'));
            if (!tag.equals(f.migration()) && !good.contains(tag)) {
                good.add(tag);
            }
        }
        String stays = good.isEmpty() ? "with no migration applied" : "at the last good migration, " + good.get(good.size() - 1);
        String message = "Migration " + f.migration() + " failed in changeset " + f.changeset()
                + (f.inTransaction() ? " and was rolled back" : " (it runs outside a transaction: what its statements"
                        + " did before the failing one stays)")
                + "; " + where + " stays " + stays + ". Statement: "
                + (f.statement() == null ? "(none reported)" : f.statement())
                + ". PostgreSQL: " + oneLine(f.databaseMessage()) + state
                + ". Fix the migration and start again (if it was already applied elsewhere, write a new migration instead).";
        return new MigrationFailedException(message, f.migration(), f.changeset(), f.statement(), f.sqlState(), f);
    }

    /**
     * PostgreSQL's message on one line: pgJDBC puts its detail, hint and {@code Position: N} on lines of their
     * own, and a message cut at its first line (the CLI without --verbose) would lose the SQLState after them.
     */
    public static String oneLine(String message) {
        return message == null ? null : message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }

    /** Liquibase's validation found applied changesets whose SQL changed (an edited file the journal did not catch). */
    private static MigrationRefusedException changedChecksums(ChangesetFailure f, MigrationStatus before, String where) {
        List<String> changed = new ArrayList<>();
        List<String> repairs = new ArrayList<>();
        for (String entry : f.changedChecksums()) {
            Matcher m = CHANGED.matcher(entry);
            if (m.matches()) {
                String tag = m.group(1).endsWith(".sql") ? m.group(1).substring(0, m.group(1).length() - 4) : m.group(1);
                changed.add(tag + " (changeset " + m.group(3) + ":" + m.group(2) + ", checksum " + m.group(4)
                        + " when applied, " + m.group(5) + " now)");
                repairs.add("(id = '" + m.group(2).replace("'", "''") + "' and author = '" + m.group(3).replace("'", "''") + "')");
            } else {
                changed.add(entry);
            }
        }
        return new MigrationRefusedException("Refusing to migrate " + where + ": " + (changed.size() == 1
                ? "a migration it has already applied was" : "migrations it has already applied were")
                + " edited since: " + String.join("; ", changed) + ". An applied migration never runs again, so the"
                + " edit would not reach this database. Nothing was changed. Restore the file as it was applied and put"
                + " the change in a new migration (paperclip-migrate generate, --custom for hand-written SQL)."
                + (repairs.isEmpty() ? "" : " Only if the edit changes nothing in the schema (a comment, formatting), accept"
                        + " it instead with: update databasechangelog set md5sum = null where " + String.join(" or ", repairs)
                        + " (Liquibase records the new checksum on the next run)."),
                before == null ? List.of() : before.pending());
    }
}
