package ai.paperclip.schema.migration.internal;

import ai.paperclip.schema.migration.Decision;
import ai.paperclip.schema.migration.SchemaChange;
import ai.paperclip.schema.migration.SchemaChange.Step;
import ai.paperclip.schema.migration.TableChanges.CreateTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders a migration as a Liquibase formatted-SQL changelog, one changeset per {@link Step}: all
 * statements that can share a transaction form the first changeset (it applies as a whole or not at
 * all, and takes one history row); each {@code CREATE INDEX CONCURRENTLY} gets its own changeset with
 * {@code runInTransaction:false}; then the constraints attached to existing tables (one changeset), each
 * validation and each proven {@code SET NOT NULL} in a changeset of its own, so that no long scan holds
 * a lock taken by an earlier statement. A changeset that locks an existing table against reads or
 * writes sets {@code lock_timeout} first ({@link Locks}). The rollback of a changeset undoes its
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
            List<Decision> decisions, Duration lockTimeout) {
        StringBuilder sql = header(tag, snapshot);
        sql.append("-- Generated from the schema definitions: review it, then commit it with its snapshot.\n");
        if (!decisions.isEmpty()) {
            sql.append("-- Decisions it applies (any from decisions.txt are taken out of it):\n");
            decisions.forEach(d -> sql.append("--   ").append(d.line()).append('\n'));
        }
        Set<String> created = changes.stream().filter(CreateTable.class::isInstance)
                .map(c -> ((CreateTable) c).table().name()).collect(Collectors.toSet());
        String timeout = lockTimeout.isZero() ? null : Locks.setLockTimeout(lockTimeout);
        String id = author + ":" + tag;
        changeset(sql, id, inStep(changes, Step.MAIN), created, timeout);
        eachAlone(sql, id + "_concurrently_", inStep(changes, Step.CONCURRENT_INDEX), created, timeout);
        changeset(sql, id + "_constraints", inStep(changes, Step.ATTACH), created, timeout);
        eachAlone(sql, id + "_validate_", inStep(changes, Step.VALIDATE), created, timeout);
        eachAlone(sql, id + "_not_null_", inStep(changes, Step.SET_NOT_NULL), created, timeout);
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

    private static List<SchemaChange> inStep(List<SchemaChange> changes, Step step) {
        return changes.stream().filter(c -> c.step() == step).toList();
    }

    private static void eachAlone(StringBuilder sql, String idPrefix, List<SchemaChange> changes, Set<String> created,
            String timeout) {
        for (int i = 0; i < changes.size(); i++) {
            changeset(sql, idPrefix + (i + 1), List.of(changes.get(i)), created, timeout);
        }
    }

    private static void changeset(StringBuilder sql, String id, List<SchemaChange> changes, Set<String> created,
            String timeout) {
        if (changes.isEmpty()) {
            return;
        }
        boolean outsideTransaction = changes.get(0).outsideTransaction();
        // SET LOCAL is a no-op outside a transaction; the concurrent steps take no lock that blocks writes.
        String lockTimeout = !outsideTransaction && timeout != null && Locks.anyBlocksExisting(changes, created)
                ? timeout : null;
        sql.append("\n--changeset ").append(id).append(outsideTransaction ? " runInTransaction:false" : "").append('\n');
        if (lockTimeout != null) {
            sql.append(lockTimeout).append(";\n");
        }
        for (SchemaChange change : changes) {
            change.warnings().forEach(w -> sql.append("-- ").append(w).append('\n'));
            change.dataLoss().ifPresent(why -> sql.append("-- DATA LOSS: ").append(why).append('\n'));
            change.decision().ifPresent(d -> sql.append("-- Decided: ").append(d.line()).append('\n'));
            sql.append("-- ").append(change.description()).append('\n');
            change.forward().forEach(s -> sql.append(s).append(";\n"));
        }
        List<String> rollback = new ArrayList<>();
        if (lockTimeout != null) {
            rollback.add(lockTimeout + ";");
        }
        for (int i = changes.size() - 1; i >= 0; i--) {
            SchemaChange change = changes.get(i);
            change.dataLoss().ifPresent(why -> rollback.add("-- IRREVERSIBLE: " + change.description()
                    + " is undone in structure only; the lost data does not come back"));
            change.rollback().forEach(s -> rollback.add(s + ";"));
        }
        if (rollback.stream().allMatch(r -> r.startsWith("SET LOCAL ") || r.startsWith("-- "))) {
            rollback.clear();
            rollback.add("empty"); // Liquibase's word for "nothing to undo": a validation leaves no trace
        }
        for (String statement : rollback) {
            statement.lines().forEach(line -> sql.append("--rollback ").append(line).append('\n'));
        }
    }
}
