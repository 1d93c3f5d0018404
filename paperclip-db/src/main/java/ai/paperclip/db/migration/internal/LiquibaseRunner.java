package ai.paperclip.db.migration.internal;

import ai.paperclip.db.migration.MigrationListener;
import ai.paperclip.db.migration.MigrationSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liquibase.GlobalConfiguration;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.changelog.ChangeLogHistoryService;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.command.CommandScope;
import liquibase.command.core.RollbackCountCommandStep;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.ChangeExecListenerCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.exception.ValidationFailedException;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * The slow path: everything that touches Liquibase. Only reached when something is pending, when the
 * history looks inconsistent, or for rollback and adopt; the caller holds the {@link AdvisoryLock} on
 * {@code connection}, a direct connection.
 */
public final class LiquibaseRunner {

    private static final Pattern FAILED_SQL = Pattern.compile("\\[Failed SQL: (?:\\(-?\\d+\\) )?(.*)]\\s*$", Pattern.DOTALL);

    private LiquibaseRunner() {
    }

    /**
     * Applies what is pending in each source, in order; one transaction per changeset (its history row
     * included) unless it says {@code runInTransaction:false}. Returns the changesets applied, as
     * {@code NNNN_name/author:id}.
     *
     * @throws ChangesetFailure when a changeset (or the validation before it) fails
     */
    public static List<String> update(Connection connection, List<MigrationSource> sources, MigrationListener listener) {
        List<String> applied = new ArrayList<>();
        for (MigrationSource source : sources) {
            inScope(source, () -> {
                DeferredCommitConnection jdbc = new DeferredCommitConnection(connection);
                ChangesetListener changesets = new ChangesetListener(jdbc, listener);
                try {
                    new CommandScope(UpdateCommandStep.COMMAND_NAME)
                            .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database(jdbc))
                            .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, source.changelogPath())
                            .addArgumentValue(ChangeExecListenerCommandStep.CHANGE_EXEC_LISTENER_ARG, changesets)
                            // Its summary table would go to stdout; a library only logs.
                            .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                            .execute();
                } catch (Exception e) {
                    changesets.applied().forEach(c -> applied.add(entry(c)));
                    throw failure(changesets.failed(), applied, e);
                }
                changesets.applied().forEach(c -> applied.add(entry(c)));
                return null;
            });
        }
        return applied;
    }

    /** Rolls back the last {@code count} changesets of {@code source}, newest first, with their rollback SQL. */
    public static void rollback(Connection connection, MigrationSource source, int count) {
        inScope(source, () -> {
            try {
                new CommandScope(RollbackCountCommandStep.COMMAND_NAME)
                        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG,
                                database(new DeferredCommitConnection(connection)))
                        .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_FILE_ARG, source.changelogPath())
                        .addArgumentValue(RollbackCountCommandStep.COUNT_ARG, count)
                        .execute();
            } catch (Exception e) {
                throw failure(null, List.of(), e);
            }
            return null;
        });
    }

    /**
     * Records the changesets of the migrations {@code include} accepts as applied without running them
     * (Liquibase's MARK_RAN), for a database whose tables already match them.
     */
    public static List<String> markApplied(Connection connection, MigrationSource source, Predicate<String> include) {
        return inScope(source, () -> {
            Database database = database(new DeferredCommitConnection(connection));
            ResourceAccessor accessor = Scope.getCurrentScope().getResourceAccessor();
            DatabaseChangeLog changeLog = ChangeLogParserFactory.getInstance().getParser(source.changelogPath(), accessor)
                    .parse(source.changelogPath(), new ChangeLogParameters(database), accessor);
            ChangeLogHistoryService history = ChangeLogHistoryServiceFactory.getInstance().getChangeLogService(database);
            history.init();
            history.generateDeploymentId();
            List<String> marked = new ArrayList<>();
            for (ChangeSet changeSet : changeLog.getChangeSets()) {
                if (include.test(ChangesetListener.migration(changeSet))
                        && database.getRunStatus(changeSet) == ChangeSet.RunStatus.NOT_RAN) {
                    database.markChangeSetExecStatus(changeSet, ChangeSet.ExecType.MARK_RAN);
                    marked.add(entry(changeSet));
                }
            }
            database.commit();
            history.reset();
            return marked;
        });
    }

    private static String entry(ChangeSet c) {
        return ChangesetListener.migration(c) + "/" + ChangesetListener.qualifiedId(c);
    }

    private static Database database(DeferredCommitConnection jdbc) throws Exception {
        return DatabaseFactory.getInstance().findCorrectDatabaseImplementation(jdbc);
    }

    private interface Body<T> {
        T run() throws Exception;
    }

    private static <T> T inScope(MigrationSource source, Body<T> body) {
        Map<String, Object> values = new HashMap<>();
        values.put("liquibase.analytics.enabled", false); // never phone home from a host application
        values.put(Scope.Attr.ui.name(), new LoggerUIService());
        values.put(Scope.Attr.logService.name(), new Slf4jLogService());
        values.put(AdvisoryLockService.SCOPE_KEY, true);
        // One deployment id per JVM, as Liquibase's root scope has it, shared with FastApply's rows.
        values.put(Scope.Attr.deploymentId.name(), HistoryTable.DeploymentId.ID);
        // A host whose classpath lists a jar twice (e.g. a manifest Class-Path beside the same jars) would
        // otherwise fail with "Found 2 files with the path ...changelog.xml"; the first copy wins, with a warning.
        values.put(GlobalConfiguration.DUPLICATE_FILE_MODE.getKey(), GlobalConfiguration.DuplicateFileMode.WARN);
        try {
            values.put(Scope.Attr.resourceAccessor.name(), accessor(source));
            return Scope.child(values, body::run);
        } catch (ChangesetFailure e) {
            throw e;
        } catch (Exception e) {
            throw failure(null, List.of(), e);
        }
    }

    private static ResourceAccessor accessor(MigrationSource source) throws Exception {
        if (source.folder().isPresent()) {
            Path folder = source.folder().get();
            return new DirectoryResourceAccessor(folder);
        }
        return new ClassLoaderResourceAccessor(source.classLoader().orElseThrow());
    }

    private static ChangesetFailure failure(ChangeSet changeSet, List<String> appliedBefore, Exception e) {
        String statement = null;
        SQLException sql = null;
        List<String> changedChecksums = List.of();
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (changedChecksums.isEmpty() && t instanceof ValidationFailedException v && v.getInvalidMD5Sums() != null) {
                changedChecksums = v.getInvalidMD5Sums().stream().map(String::strip).toList();
            }
            Matcher m = t.getMessage() == null ? null : FAILED_SQL.matcher(t.getMessage());
            if (statement == null && m != null && m.find()) {
                statement = m.group(1).strip();
            }
            if (sql == null && t instanceof SQLException s) {
                sql = s;
            }
        }
        String message = sql != null ? sql.getMessage() : rootMessage(e);
        return new ChangesetFailure(changeSet == null ? null : ChangesetListener.migration(changeSet),
                changeSet == null ? null : ChangesetListener.qualifiedId(changeSet),
                changeSet == null || changeSet.isRunInTransaction(), statement,
                sql == null ? null : sql.getSQLState(), message, appliedBefore, changedChecksums, e);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
