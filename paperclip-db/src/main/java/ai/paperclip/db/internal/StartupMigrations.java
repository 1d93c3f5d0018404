package ai.paperclip.db.internal;

import ai.paperclip.db.PaperclipDbOptions;
import ai.paperclip.db.migration.MigrationListener;
import ai.paperclip.db.migration.MigrationPrompt;
import ai.paperclip.db.migration.MigrationRefusedException;
import ai.paperclip.db.migration.MigrationStatus;
import ai.paperclip.db.migration.Migrator;
import ai.paperclip.db.migration.internal.MigrationFailures;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date before {@code PaperclipDb.create} returns, under the start-up policy
 * (docs/migrations.md, "Start-up policy"): an empty database gets everything, tables without a history
 * are refused (adopt them), pending migrations are applied when auto-apply is on or the prompt is
 * {@code never}, asked about at a terminal, refused otherwise. The check runs on the pre-flight connection (one
 * query, no Liquibase); anything that changes the schema runs through {@link Migrator} on a direct connection of
 * its own ({@code migrationUrl}, else the runtime URL), and the policy is decided under its lock, on what the
 * database holds then.
 */
public final class StartupMigrations implements StartupStep {

    /** The command that applies migrations outside start-up. */
    public static final String MIGRATE_COMMAND = "paperclip-migrate migrate";
    /** The command that takes over a database made without these migrations. */
    public static final String ADOPT_COMMAND = "paperclip-migrate adopt";
    /** The command that rolls migrations back. */
    public static final String ROLLBACK_COMMAND = "paperclip-migrate rollback";

    private static final Logger LOG = LoggerFactory.getLogger(StartupMigrations.class);

    @Override
    public void run(Context context) throws SQLException {
        PaperclipDbOptions options = context.options();
        Migrator migrator = Migrator.configure()
                .dataSource(context.dataSource())
                .url(options.migrationUrl().orElse(context.url()))
                .connectOptions(options)
                .migrations(options.migrations())
                .listener(new MigrationListener() {
                    @Override
                    public void beforeMigrate(MigrationStatus underLock) {
                        approve(underLock, options, context.target());
                    }
                })
                .load();
        MigrationStatus status = context.connection() != null ? migrator.status(context.connection())
                : migrator.status();
        if (!status.unknown().isEmpty()) {
            // An older application beside (or after) a newer one that migrated: start, as in a rolling deployment.
            LOG.warn("{} has changesets this application does not know: {}. A newer version of the application (or"
                    + " of a history it includes) migrated it; starting anyway, as an older instance does during a rolling"
                    + " deployment. If this version must stay, roll those changesets back with the newer version's {}.",
                    context.target(), String.join(", ", status.unknown()), ROLLBACK_COMMAND);
        }
        if (status.upToDate()) {
            LOG.info("Schema up to date (checked in {} ms)", String.format(Locale.ROOT, "%.1f",
                    status.checkTime().toNanos() / 1e6));
            return;
        }
        if (!status.edited().isEmpty()) {
            throw MigrationFailures.edited(status, context.target().toString());
        }
        if (!options.migrate()) {
            verifyOnly(status, context.target());
            return;
        }
        migrator.migrate();
    }

    /** Start-up migrations are off: anything but an up-to-date, consistent history is a refusal. */
    private static void verifyOnly(MigrationStatus status, ConnectionTarget target) {
        if (status.state() == MigrationStatus.State.NOT_MANAGED) {
            throw notManaged(status, target);
        }
        String what = status.pending().isEmpty() ? "its migration history looks inconsistent" : pending(status);
        throw new MigrationRefusedException("Refusing to start: " + what + " on " + target
                + " and start-up migrations are off (migrate(false))" + problems(status) + ". Apply them first with "
                + MIGRATE_COMMAND + " (or your deployment's migration step), then start again.", status.pending());
    }

    private static String problems(MigrationStatus status) {
        return status.problems().isEmpty() ? "" : "; " + String.join("; ", status.problems());
    }

    /** The policy, on the status read under the migration lock. */
    static void approve(MigrationStatus status, PaperclipDbOptions options, ConnectionTarget target) {
        switch (status.state()) {
            case UP_TO_DATE:
                return; // only validation is due (the history looked inconsistent)
            case EMPTY:
                LOG.info("Empty database {}: applying all {} migrations", target, status.pending().size());
                return;
            case NOT_MANAGED:
                throw notManaged(status, target);
            default:
                break;
        }
        if (!status.problems().isEmpty()) {
            LOG.warn("Migration history of {} looks inconsistent: {}", target, String.join("; ", status.problems()));
        }
        if (options.migrationAutoApply()) {
            LOG.info("Applying {} (PAPERCLIP_MIGRATION_AUTO_APPLY=true)", pending(status));
            return;
        }
        if (options.migrationPrompt() == MigrationPrompt.NEVER) {
            LOG.info("Applying {} (PAPERCLIP_MIGRATION_PROMPT=never)", pending(status));
            return;
        }
        if (options.migrationConsole().interactive()) {
            String answer = options.migrationConsole().ask(question(status.pending()));
            String normalized = answer == null ? "" : answer.strip().toLowerCase(Locale.ROOT);
            if (normalized.equals("y") || normalized.equals("yes")) {
                return;
            }
            throw refused(status, target, "the answer was '" + (answer == null ? "" : answer.strip()) + "', not y or yes");
        }
        throw refused(status, target, "no terminal to ask and neither variable is set");
    }

    static String question(List<String> pending) {
        return "Apply " + pending.size() + " pending migration" + (pending.size() == 1 ? "" : "s")
                + " (" + String.join(", ", pending) + ") now? (y/N)";
    }

    private static MigrationRefusedException refused(MigrationStatus status, ConnectionTarget target, String why) {
        return new MigrationRefusedException("Refusing to start: " + pending(status) + " on " + target
                + " (" + why + ")" + problems(status) + ", and the application must not run against an older schema. Apply them with "
                + MIGRATE_COMMAND + ", or set PAPERCLIP_MIGRATION_AUTO_APPLY=true (or PAPERCLIP_MIGRATION_PROMPT=never)"
                + " to apply them at start-up, or start at a terminal to be asked.", status.pending());
    }

    private static MigrationRefusedException notManaged(MigrationStatus status, ConnectionTarget target) {
        List<String> tables = status.tables();
        String shown = String.join(", ", tables.subList(0, Math.min(5, tables.size())))
                + (tables.size() > 5 ? ", ... (" + tables.size() + " tables)" : "");
        return new MigrationRefusedException("Refusing to migrate " + target + ": it has tables (" + shown
                + ") but no migration history (no rows in databasechangelog), so it was not made by these migrations"
                + " or its history was lost. Nothing is guessed: run " + ADOPT_COMMAND + " to check its tables against"
                + " the migrations and record them as applied, or point DATABASE_URL at an empty database.",
                status.pending());
    }

    private static String pending(MigrationStatus status) {
        List<String> p = status.pending();
        return p.size() + " migration" + (p.size() == 1 ? " is" : "s are") + " pending (" + String.join(", ", p) + ")";
    }
}
