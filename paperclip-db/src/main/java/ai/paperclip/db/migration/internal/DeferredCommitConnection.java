package ai.paperclip.db.migration.internal;

import java.sql.Connection;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.DatabaseException;

/**
 * Makes a changeset and its history row one transaction. Liquibase 4 commits a changeset's statements,
 * then inserts its {@code databasechangelog} row and commits again: a process killed between the two
 * leaves the change applied but unrecorded, and the next run fails on it ("already exists"). While a
 * transactional changeset runs (between {@code willRun} and {@code ran} of {@link ChangesetListener}),
 * commits are held back, so the one after the history insert commits both or neither.
 */
final class DeferredCommitConnection extends JdbcConnection {

    private boolean deferring;

    DeferredCommitConnection(Connection connection) {
        super(connection);
    }

    void deferCommits(boolean deferring) {
        this.deferring = deferring;
    }

    @Override
    public void commit() throws DatabaseException {
        if (!deferring) {
            super.commit();
        }
    }
}
