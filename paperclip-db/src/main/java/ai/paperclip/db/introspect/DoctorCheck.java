package ai.paperclip.db.introspect;

import java.sql.Connection;

/**
 * One check of {@link DoctorChecks}: a name and a verdict. Implement it to add a check (migration
 * status, the embedded data directory...); {@link DoctorChecks#with(DoctorCheck)} appends it.
 */
public interface DoctorCheck {

    /** A short name: {@code connection}, {@code server version}, {@code pg_trgm}. */
    String name();

    /** Whether the check needs the database: if the connection failed it is {@link Status#SKIPPED}. */
    default boolean needsConnection() {
        return true;
    }

    /**
     * Runs the check. An exception thrown here is reported as {@link Status#FAIL} with its message.
     *
     * @param context the target and, for checks that need it, an open connection
     */
    Result run(Context context) throws Exception;

    /** The verdict of a check. */
    enum Status { OK, WARN, FAIL, SKIPPED }

    /**
     * One line of the doctor's report.
     *
     * @param name the check's name
     * @param status its verdict
     * @param message what was found, and for WARN and FAIL what to do
     */
    record Result(String name, Status status, String message) {

        /** {@code ok    server version: PostgreSQL 17.7 (170007)}. */
        public String line() {
            return String.format("%-7s %s: %s", status.name().toLowerCase(java.util.Locale.ROOT), name, message);
        }
    }

    /**
     * What a check runs against.
     *
     * @param target the database URL, password masked (for messages)
     * @param connection an open connection, or {@code null} when there is none (the connection failed)
     */
    record Context(String target, Connection connection) {
    }
}
