package ai.paperclip.db.migration.internal;

import ai.paperclip.schema.migration.CommittedMigrations;
import ai.paperclip.schema.migration.CommittedMigrations.Changeset;
import ai.paperclip.schema.migration.MigrationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks on the committed histories before anything runs: two histories in one database must not share a
 * history-table key (id, author, file name), and migration SQL must not control its own transaction.
 */
public final class SourceCheck {

    private SourceCheck() {
    }

    public static void noSharedChangesets(List<CommittedMigrations> histories) {
        Map<String, String> owner = new HashMap<>();
        for (CommittedMigrations history : histories) {
            for (Changeset c : history.changesets()) {
                String key = c.qualifiedId() + " in " + c.fileName();
                String first = owner.putIfAbsent(key, history.location());
                if (first != null) {
                    throw new MigrationException("Changeset " + key + " is declared by both " + first + " and "
                            + history.location() + ": Liquibase records changesets by id, author and file name, so one"
                            + " would be taken for the other. Give your own history its own changeset author"
                            + " (paperclip-migrate generate --author <name>).");
                }
            }
        }
    }

    /**
     * The transaction-control statements of the migrations {@code tags}: only those of their rollback SQL
     * ({@code rollbackSql}), or only those outside it.
     */
    public static List<String> transactionControl(List<CommittedMigrations> histories, List<String> tags,
            boolean rollbackSql) {
        List<String> found = new ArrayList<>();
        for (CommittedMigrations history : histories) {
            for (CommittedMigrations.Migration m : history.migrations()) {
                if (tags.contains(m.tag())) {
                    history.transactionControl(m).stream()
                            .filter(f -> f.contains("(--rollback)") == rollbackSql).forEach(found::add);
                }
            }
        }
        return found;
    }
}
