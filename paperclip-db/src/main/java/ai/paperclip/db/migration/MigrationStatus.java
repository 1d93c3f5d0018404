package ai.paperclip.db.migration;

import java.time.Duration;
import java.util.List;

/**
 * What the database holds compared with the committed histories, read from Liquibase's history table
 * in one query (and, only when there is no history, one more for the tables present).
 *
 * @param state      what start-up should do about it
 * @param applied    migrations ({@code NNNN_name}) whose changesets are all recorded, in order
 * @param pending    migrations with at least one changeset not recorded, in the order they would apply
 * @param unknown    changesets recorded by one of our authors that no configured history declares
 *                   (a newer version of the application ran here); they are left alone
 * @param tables     tables in the current schema when there is no history (empty otherwise)
 * @param problems   why the history looks inconsistent (an edited migration file, a gap); empty when it
 *                   does not. Liquibase then validates before anything runs.
 * @param edited     migrations ({@code NNNN_name}) whose file no longer matches its checksum in
 *                   {@code meta/_journal.json}: nothing is migrated and start-up refuses while there is one
 * @param checkTime  how long the check took
 */
public record MigrationStatus(State state, List<String> applied, List<String> pending, List<String> unknown,
        List<String> tables, List<String> problems, List<String> edited, Duration checkTime) {

    /** How many of a not-managed database's tables {@link #reason()} names. */
    public static final int TABLES_SHOWN = 5;

    /** The situations the start-up policy tells apart (docs/migrations.md, "Start-up policy"). */
    public enum State {
        /** Every migration is applied. */
        UP_TO_DATE,
        /** No tables and no history: a new database, everything applies without a question. */
        EMPTY,
        /** Tables but no history: not created by these migrations; adopt it, never guess. */
        NOT_MANAGED,
        /** A history, and migrations that are not in it yet. */
        PENDING
    }

    public MigrationStatus {
        applied = List.copyOf(applied);
        pending = List.copyOf(pending);
        unknown = List.copyOf(unknown);
        tables = List.copyOf(tables);
        problems = List.copyOf(problems);
        edited = List.copyOf(edited);
    }

    /** Nothing to apply and nothing to validate: start-up can go on without Liquibase. */
    public boolean upToDate() {
        return state == State.UP_TO_DATE && problems.isEmpty();
    }

    /**
     * Why the database does or does not need migrations, with what to run: {@code up to date at 0003_x (4
     * migrations applied)}, {@code 2 migrations pending (...). Run paperclip-migrate migrate.}. The words of the
     * CLI's {@code status}, the Maven plugin's and the doctor's {@code migrations} line.
     */
    public String reason() {
        if (!problems.isEmpty()) {
            return "the migration history looks inconsistent: " + String.join("; ", problems);
        }
        return switch (state) {
            case UP_TO_DATE -> "up to date" + (applied.isEmpty() ? "" : " at " + applied.get(applied.size() - 1))
                    + " (" + count(applied.size()) + " applied)";
            case EMPTY -> "the database is empty: " + count(pending.size()) + " to apply. Run paperclip-migrate migrate.";
            case PENDING -> count(pending.size()) + " pending (" + String.join(", ", pending)
                    + "). Run paperclip-migrate migrate.";
            case NOT_MANAGED -> "the database has tables (" + shownTables() + ") but no migration history."
                    + " Run paperclip-migrate adopt to take it over, or reset it.";
        };
    }

    private static String count(int n) {
        return n + (n == 1 ? " migration" : " migrations");
    }

    /** The first {@value #TABLES_SHOWN} tables and how many more. */
    private String shownTables() {
        List<String> shown = tables.subList(0, Math.min(TABLES_SHOWN, tables.size()));
        return String.join(", ", shown) + (tables.size() > TABLES_SHOWN ? " and " + (tables.size() - TABLES_SHOWN) + " more" : "");
    }
}
