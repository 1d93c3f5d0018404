package ai.paperclip.db.migration.internal;

import ai.paperclip.db.migration.MigrationStatus;
import ai.paperclip.db.migration.MigrationStatus.State;
import ai.paperclip.schema.migration.CommittedMigrations;
import ai.paperclip.schema.migration.CommittedMigrations.Changeset;
import ai.paperclip.schema.migration.CommittedMigrations.Migration;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fast path: compares Liquibase's history table with the committed histories in ONE query, with
 * no Liquibase class involved: which changesets are recorded, and whether each applied one is still what
 * was applied (the checksum Liquibase recorded at apply time against the one the committed file gives,
 * {@link CommittedMigrations#liquibaseChecksum}), so an edit whose journal checksum was updated too (a
 * re-sealed edit) is seen without Liquibase. A missing history table (SQLSTATE 42P01) means "no history"; only then,
 * or when it is empty, a second query lists the tables present (to tell a new database from one that
 * must be adopted).
 */
public final class HistoryReader {

    /** Liquibase's history table, in the connection's current schema. */
    public static final String HISTORY_TABLE = "databasechangelog";
    static final String HISTORY_QUERY = "select filename, author, id, md5sum from " + HISTORY_TABLE;
    /** The checksum algorithm version {@link CommittedMigrations#liquibaseChecksum} computes. */
    private static final String CHECKSUM_VERSION = "9:";
    static final String TABLES_QUERY = "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
            + " where n.nspname = current_schema() and c.relkind in ('r', 'p')"
            + " and c.relname not in ('databasechangelog', 'databasechangeloglock') order by c.relname";
    private static final String UNDEFINED_TABLE = "42P01";

    private record Key(String fileName, String author, String id) {
        static Key of(Changeset c) {
            return new Key(c.fileName(), c.author(), c.id());
        }
    }

    private HistoryReader() {
    }

    public static MigrationStatus read(Connection connection, List<CommittedMigrations> histories) throws SQLException {
        long start = System.nanoTime();
        Map<Key, String> checksums = recorded(connection);
        Set<Key> recorded = checksums == null ? null : checksums.keySet();
        List<String> applied = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> edited = new ArrayList<>();
        Set<Key> declared = new HashSet<>();
        Set<String> authors = new HashSet<>();
        for (CommittedMigrations history : histories) {
            String firstPending = null;
            for (Migration m : history.migrations()) {
                m.changesets().forEach(c -> {
                    declared.add(Key.of(c));
                    authors.add(c.author());
                });
                boolean done = recorded != null && m.changesets().stream().allMatch(c -> recorded.contains(Key.of(c)));
                if (!m.intact()) {
                    edited.add(m.tag());
                    problems.add(m.fileName() + " (" + history.location() + ") does not match its checksum in"
                            + " meta/_journal.json: a committed migration was edited");
                } else if (done) {
                    changedSinceApplied(history, m, checksums).ifPresent(problem -> {
                        edited.add(m.tag());
                        problems.add(problem);
                    });
                }
                if (done) {
                    applied.add(m.tag());
                    if (firstPending != null) {
                        problems.add(m.tag() + " is applied but " + firstPending + " before it is not (a gap, e.g. after"
                                + " a branch merge): " + firstPending + " applies after it");
                    }
                } else {
                    pending.add(m.tag());
                    firstPending = firstPending == null ? m.tag() : firstPending;
                }
            }
        }
        List<String> unknown = recorded == null ? List.of() : recorded.stream()
                .filter(k -> authors.contains(k.author()) && !declared.contains(k))
                .map(k -> k.author() + ":" + k.id() + " (" + k.fileName() + ")").sorted().toList();
        State state;
        List<String> tables = List.of();
        if (pending.isEmpty()) {
            state = State.UP_TO_DATE;
        } else if (recorded == null || recorded.isEmpty()) {
            tables = tables(connection);
            state = tables.isEmpty() ? State.EMPTY : State.NOT_MANAGED;
        } else {
            state = State.PENDING;
        }
        return new MigrationStatus(state, applied, pending, unknown, tables, problems, edited,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * An applied migration whose committed changesets no longer give the checksum recorded when they were
     * applied. Not compared: a row without a checksum (cleared to accept an edit: Liquibase records the new one
     * at its next run), one of another algorithm version (Liquibase upgrades it at its next run), and a
     * changeset whose checksum only Liquibase can compute.
     */
    private static Optional<String> changedSinceApplied(CommittedMigrations history, Migration m,
            Map<Key, String> recorded) {
        for (Changeset c : m.changesets()) {
            String applied = recorded.get(Key.of(c));
            Optional<String> committed = history.liquibaseChecksum(c);
            if (applied != null && applied.startsWith(CHECKSUM_VERSION) && committed.isPresent()
                    && !applied.equals(committed.get())) {
                return Optional.of(m.fileName() + " (" + history.location() + ") was edited after it was applied:"
                        + " changeset " + c.qualifiedId() + " was applied with checksum " + applied + ", the committed"
                        + " file gives " + committed.get() + " (repair, only for an edit that changes nothing in the"
                        + " schema: update databasechangelog set md5sum = null where id = '" + c.id().replace("'", "''")
                        + "' and author = '" + c.author().replace("'", "''") + "')");
            }
        }
        return Optional.empty();
    }

    /** The recorded changesets with their checksums, or {@code null} when there is no history table. */
    private static Map<Key, String> recorded(Connection connection) throws SQLException {
        Map<Key, String> keys = new HashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(HISTORY_QUERY)) {
            while (rs.next()) {
                keys.put(new Key(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getString(4));
            }
            return keys;
        } catch (SQLException e) {
            if (UNDEFINED_TABLE.equals(e.getSQLState())) {
                if (!connection.getAutoCommit()) {
                    connection.rollback(); // the failed query aborted the transaction
                }
                return null;
            }
            throw e;
        }
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(TABLES_QUERY)) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }
}
