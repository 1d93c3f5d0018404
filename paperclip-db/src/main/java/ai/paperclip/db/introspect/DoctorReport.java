package ai.paperclip.db.introspect;

import ai.paperclip.db.introspect.DoctorCheck.Result;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Doctor#run} found: where the database came from and one result per check, in the order they ran.
 *
 * @param target where the database came from, password masked ({@code (not resolved)} when it could not be)
 * @param checks one result per check
 */
public record DoctorReport(String target, List<Result> checks) {

    /** The target when the environment names no usable database. */
    public static final String NOT_RESOLVED = "(not resolved)";

    public DoctorReport {
        Objects.requireNonNull(target, "target");
        checks = List.copyOf(checks);
    }

    /** Whether no check failed (warnings and skipped checks do not count). */
    public boolean ok() {
        return !DoctorChecks.anyFailed(checks);
    }
}
