package ai.paperclip.db.migration.internal;

import ai.paperclip.db.migration.MigrationListener;
import java.util.ArrayList;
import java.util.List;
import liquibase.change.Change;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.ChangeSet.ExecType;
import liquibase.changelog.ChangeSet.RunStatus;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.database.Database;

/**
 * Follows Liquibase through the changesets: holds commits back while a transactional changeset runs
 * (see {@link DeferredCommitConnection}), remembers what was applied and what failed, and tells the
 * caller's {@link MigrationListener}.
 */
final class ChangesetListener extends AbstractChangeExecListener {

    private final DeferredCommitConnection connection;
    private final MigrationListener listener;
    private final List<ChangeSet> applied = new ArrayList<>();
    private ChangeSet failed;
    private long started;

    ChangesetListener(DeferredCommitConnection connection, MigrationListener listener) {
        this.connection = connection;
        this.listener = listener;
    }

    static String migration(ChangeSet changeSet) {
        String file = changeSet.getFilePath();
        String name = file.substring(file.lastIndexOf('/') + 1);
        return name.endsWith(".sql") ? name.substring(0, name.length() - 4) : name;
    }

    static String qualifiedId(ChangeSet changeSet) {
        return changeSet.getAuthor() + ":" + changeSet.getId();
    }

    @Override
    public void willRun(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database, RunStatus runStatus) {
        connection.deferCommits(changeSet.isRunInTransaction());
        started = System.nanoTime();
        listener.applying(migration(changeSet), qualifiedId(changeSet));
    }

    @Override
    public void ran(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database, ExecType execType) {
        connection.deferCommits(false); // the commit Liquibase makes next covers changes and history row
        applied.add(changeSet);
        listener.applied(migration(changeSet), qualifiedId(changeSet),
                java.time.Duration.ofNanos(System.nanoTime() - started));
    }

    @Override
    public void runFailed(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database, Exception exception) {
        connection.deferCommits(false);
        failed = changeSet;
    }

    @Override
    public void willRun(Change change, ChangeSet changeSet, DatabaseChangeLog changeLog, Database database) {
        // Per-change events carry nothing the changeset events do not.
    }

    List<ChangeSet> applied() {
        return applied;
    }

    ChangeSet failed() {
        return failed;
    }
}
