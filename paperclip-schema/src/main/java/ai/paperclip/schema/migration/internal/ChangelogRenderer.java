package ai.paperclip.schema.migration.internal;

import ai.paperclip.schema.migration.Decision;
import ai.paperclip.schema.migration.SchemaChange;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a migration as a Liquibase formatted-SQL changelog. All statements that can share a
 * transaction form one changeset (the migration applies as a whole or not at all, and takes one
 * history row); each statement that cannot ({@code CREATE INDEX CONCURRENTLY}) gets its own
 * changeset with {@code runInTransaction:false} after it. The rollback of a changeset undoes its
 * statements in reverse order.
 *
 * <p>Comment lines never start with a word Liquibase reads as an instruction ({@code changeset},
 * {@code rollback}, {@code comment}, {@code precondition}, ...).
 */
public final class ChangelogRenderer {

    private ChangelogRenderer() {
    }

    /** A generated migration. */
    public static String render(String tag, String author, Snapshot snapshot, List<SchemaChange> changes,
            List<Decision> decisions) {
        StringBuilder sql = header(tag, snapshot);
        sql.append("-- Generated from the schema definitions: review it, then commit it with its snapshot.\n");
        if (!decisions.isEmpty()) {
            sql.append("-- Decisions it applies (any from decisions.txt are taken out of it):\n");
            decisions.forEach(d -> sql.append("--   ").append(d.line()).append('\n'));
        }
        List<SchemaChange> inTransaction = changes.stream().filter(c -> !c.outsideTransaction()).toList();
        List<SchemaChange> outside = changes.stream().filter(SchemaChange::outsideTransaction).toList();
        if (!inTransaction.isEmpty()) {
            changeset(sql, author + ":" + tag, false, inTransaction);
        }
        for (int i = 0; i < outside.size(); i++) {
            changeset(sql, author + ":" + tag + "_concurrently_" + (i + 1), true, List.of(outside.get(i)));
        }
        return sql.toString();
    }

    /** An empty, hand-written migration: a no-op the author replaces. */
    public static String renderCustom(String tag, String author, Snapshot snapshot) {
        return header(tag, snapshot)
                .append("-- Hand-written migration. Its snapshot equals its parent's, so it must not change the schema:\n")
                .append("-- use it for data (back-fills, fixes). Replace the no-op statement below with yours and say how\n")
                .append("-- to undo them on lines that start with \"--rollback \" (\"--rollback empty\" when nothing is to undo).\n")
                .append("-- Its checksum is recorded when the next migration is generated; after that it must not change.\n")
                .append("\n--changeset ").append(author).append(':').append(tag).append('\n')
                .append("SELECT 1;\n")
                .append("--rollback empty\n")
                .toString();
    }

    private static StringBuilder header(String tag, Snapshot snapshot) {
        return new StringBuilder("--liquibase formatted sql logicalFilePath:").append(tag).append(".sql\n\n")
                .append("-- Migration ").append(tag).append(": snapshot ").append(snapshot.id())
                .append(" after ").append(snapshot.parentId()).append(".\n");
    }

    private static void changeset(StringBuilder sql, String id, boolean outsideTransaction, List<SchemaChange> changes) {
        sql.append("\n--changeset ").append(id).append(outsideTransaction ? " runInTransaction:false" : "").append('\n');
        for (SchemaChange change : changes) {
            change.dataLoss().ifPresent(why -> sql.append("-- DATA LOSS: ").append(why).append('\n'));
            change.decision().ifPresent(d -> sql.append("-- Decided: ").append(d.line()).append('\n'));
            sql.append("-- ").append(change.description()).append('\n');
            change.forward().forEach(s -> sql.append(s).append(";\n"));
        }
        List<String> rollback = new ArrayList<>();
        for (int i = changes.size() - 1; i >= 0; i--) {
            SchemaChange change = changes.get(i);
            change.dataLoss().ifPresent(why -> rollback.add("-- IRREVERSIBLE: " + change.description()
                    + " is undone in structure only; the lost data does not come back"));
            change.rollback().forEach(s -> rollback.add(s + ";"));
        }
        for (String statement : rollback) {
            statement.lines().forEach(line -> sql.append("--rollback ").append(line).append('\n'));
        }
    }
}
