package ai.paperclip.db.introspect;

import ai.paperclip.db.DatabaseTarget;
import ai.paperclip.db.introspect.DoctorCheck.Result;
import ai.paperclip.db.introspect.DoctorCheck.Status;
import ai.paperclip.db.introspect.internal.BackupDoctorCheck;
import ai.paperclip.db.introspect.internal.DataDirectoryCheck;
import ai.paperclip.db.migration.MigrationDatabase;
import ai.paperclip.db.migration.MigrationSource;
import ai.paperclip.db.migration.MigrationStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The whole {@code doctor} of an environment, as the CLI's {@code doctor} and the Maven plugin's goal run it: the
 * target resolved from the environment ({@link MigrationDatabase}), for the embedded server its data directory, lock
 * files, users and ghosts (before anything starts), the instance's backups, then {@link DoctorChecks#standard()} with
 * the migration status of {@code sources}, and one line per read replica of {@code DATABASE_READ_URL}. Never throws
 * for a bad or unreachable target: that is a failed check.
 *
 * <pre>{@code
 * DoctorReport report = Doctor.run(System.getenv(), List.of(MigrationSource.paperclip()),
 *         DoctorChecks.DEFAULT_CONNECT_TIMEOUT, null);
 * report.checks().forEach(r -> log.info(r.line()));
 * }</pre>
 */
public final class Doctor {

    /** The environment variable naming the read replicas whose lines are added. */
    public static final String READ_URL = "DATABASE_READ_URL";

    private Doctor() {
    }

    /**
     * Runs every check.
     *
     * @param env the environment the database is resolved from ({@code DATABASE_URL}, ...)
     * @param sources the histories whose status is the {@code migrations} check
     * @param connectTimeout how long the connection test waits for the server
     * @param progress told the embedded server's first start (see {@link MigrationDatabase#open(Map, Consumer)}), or null
     */
    public static DoctorReport run(Map<String, String> env, List<MigrationSource> sources, Duration connectTimeout,
            Consumer<String> progress) {
        Objects.requireNonNull(sources, "sources");
        List<Result> results = new ArrayList<>();
        String target;
        try {
            DatabaseTarget resolved = DatabaseTarget.resolve(env);
            target = resolved.describe();
            resolved.embedded().ifPresent(options -> results.addAll(DataDirectoryCheck.run(options)));
            results.add(BackupDoctorCheck.run(env, Clock.systemDefaultZone()));
        } catch (RuntimeException e) {
            results.add(new Result("target", Status.FAIL, e.getMessage()));
            return new DoctorReport(DoctorReport.NOT_RESOLVED, results);
        }
        MigrationDatabase db;
        try {
            db = MigrationDatabase.open(env, progress);
        } catch (RuntimeException e) {
            results.add(new Result("connection", Status.FAIL, e.getMessage().lines().findFirst().orElse("")));
            return new DoctorReport(target, results);
        }
        try (db) {
            results.addAll(DoctorChecks.standard().with(migrations(db, sources)).run(db.url(), connectTimeout));
            String readUrl = env.get(READ_URL);
            if (readUrl != null && !readUrl.isBlank()) {
                results.addAll(DoctorChecks.replicas(readUrl, connectTimeout));
            }
            return new DoctorReport(db.description(), results);
        }
    }

    /** {@code migrations}: FAIL for an inconsistent history, WARN when something is pending. */
    private static DoctorCheck migrations(MigrationDatabase db, List<MigrationSource> sources) {
        return new DoctorCheck() {
            @Override
            public String name() {
                return "migrations";
            }

            @Override
            public Result run(Context context) {
                MigrationStatus status = db.migrator(sources).status();
                Status verdict = !status.problems().isEmpty() ? Status.FAIL : status.upToDate() ? Status.OK : Status.WARN;
                return new Result(name(), verdict, status.reason());
            }
        };
    }
}
