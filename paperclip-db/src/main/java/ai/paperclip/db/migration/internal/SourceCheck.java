package ai.paperclip.db.migration.internal;

import ai.paperclip.schema.migration.CommittedMigrations;
import ai.paperclip.schema.migration.CommittedMigrations.Changeset;
import ai.paperclip.schema.migration.MigrationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Two histories in one database must not share a history-table key (id, author, file name). */
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
}
