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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The fast path: compares Liquibase's history table with the committed histories in ONE query, with
 * no Liquibase class involved. A missing history table (SQLSTATE 42P01) means "no history"; only then,
 * or when it is empty, a second query lists the tables present (to tell a new database from one that
 * must be adopted).
 */
public final class HistoryReader {

    /** Liquibase's history table, in the connection's current schema. */
    public static final String HISTORY_TABLE = "databasechangelog";
    static final String HISTORY_QUERY = "select filename, author, id from " + HISTORY_TABLE;
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
        Set<Key> recorded = recorded(connection);
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

    /** The recorded changesets, or {@code null} when there is no history table. */
    private static Set<Key> recorded(Connection connection) throws SQLException {
        Set<Key> keys = new HashSet<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(HISTORY_QUERY)) {
            while (rs.next()) {
                keys.add(new Key(rs.getString(1), rs.getString(2), rs.getString(3)));
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
