package ai.paperclip.db.migration.internal;

import ai.paperclip.db.migration.MigrationListener;
import ai.paperclip.db.migration.MigrationSource;
import ai.paperclip.schema.migration.CommittedMigrations;
import ai.paperclip.schema.migration.CommittedMigrations.Migration;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Applies plain formatted-SQL changesets without Liquibase, with Liquibase's result: the same statements
 * ({@link PlainSql}) in the same order and transactions (one per changeset, its history row included, or
 * autocommit for {@code runInTransaction:false}), the same {@code databasechangelog} table and rows
 * ({@link HistoryTable}), the search path Liquibase sets, and a failure reported as Liquibase's is (a
 * {@link ChangesetFailure}; the failed changeset rolled back). It saves Liquibase's start-up (about a
 * thousand classes and its changelog parsing) on every apply. Used only when {@link #whyNot} finds nothing
 * it cannot reproduce; otherwise the run goes through {@link LiquibaseRunner}. The caller holds the
 * {@link AdvisoryLock} on {@code connection}, a direct connection.
 */
public final class FastApply {

    private FastApply() {
    }

    /**
     * Why this run must go through Liquibase, or empty when it can go without: checks the histories (every
     * changeset plain, with a checksum, master changelog as the generator writes it), the schema, the history
     * table's shape and that every recorded checksum is of the current algorithm (Liquibase would rewrite others).
     */
    public static Optional<String> whyNot(Connection connection, List<MigrationSource> sources,
            List<CommittedMigrations> histories) throws SQLException {
        if (HistoryTable.liquibaseVersion().isEmpty()) {
            return Optional.of("liquibase.build.properties is not on the class path");
        }
        for (int i = 0; i < histories.size(); i++) {
            Optional<String> reason = MasterChangelogCheck.whyNot(sources.get(i), histories.get(i));
            if (reason.isPresent()) {
                return reason;
            }
            for (Migration m : histories.get(i).migrations()) {
                Optional<String> notPlain = notPlain(histories.get(i), m);
                if (notPlain.isPresent()) {
                    return notPlain;
                }
            }
        }
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("select current_schema()")) {
            rs.next();
            if (!HistoryTable.SCHEMA.equals(rs.getString(1))) {
                return Optional.of("the current schema is " + rs.getString(1) + ", not public");
            }
        }
        Optional<String> searchPath = SearchPath.whyNot(connection);
        if (searchPath.isPresent()) {
            return searchPath;
        }
        List<String> columns = HistoryTable.columns(connection);
        if (columns.isEmpty()) {
            return Optional.empty();
        }
        if (!columns.equals(HistoryTable.COLUMNS)) {
            return Optional.of("databasechangelog's columns are not the ones Liquibase 4.33 creates: " + columns);
        }
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("select count(*) from"
                + " public.databasechangelog where md5sum is null or md5sum not like '9:%'")) {
            rs.next();
            return rs.getLong(1) == 0 ? Optional.empty()
                    : Optional.of(rs.getLong(1) + " history rows have no checksum or an older one (Liquibase updates them)");
        }
    }

    private static Optional<String> notPlain(CommittedMigrations history, Migration m) {
        if (!m.fileName().equals(m.tag() + ".sql")) {
            return Optional.of(m.tag() + ": its logicalFilePath is " + m.fileName() + ", not " + m.tag() + ".sql");
        }
        List<PlainSql.Changeset> parsed = PlainSql.changesets(history.text(m));
        if (parsed.size() != m.changesets().size()) {
            return Optional.of(m.fileName() + ": its changeset lines are not all plain");
        }
        for (int i = 0; i < parsed.size(); i++) {
            PlainSql.Changeset p = parsed.get(i);
            CommittedMigrations.Changeset c = m.changesets().get(i);
            if (!p.plain()) {
                return Optional.of(m.fileName() + " changeset " + c.qualifiedId() + ": " + p.unsupported());
            }
            if (!c.author().equals(p.author()) || !c.id().equals(p.id()) || c.runInTransaction() != p.runInTransaction()
                    || !c.fileName().matches("[A-Za-z0-9_.-]+") || history.liquibaseChecksum(c).isEmpty()) {
                return Optional.of(m.fileName() + " changeset " + c.qualifiedId() + " is not plain");
            }
        }
        return Optional.empty();
    }

    /**
     * Applies what is pending in each history, in order, as {@link LiquibaseRunner#update} would; returns the
     * changesets applied as {@code NNNN_name/author:id}.
     *
     * @throws ChangesetFailure when a statement (or the history row) fails; that changeset is rolled back
     */
    public static List<String> update(Connection connection, List<CommittedMigrations> histories,
            MigrationListener listener) throws SQLException {
        connection.setAutoCommit(false);
        if (HistoryTable.columns(connection).isEmpty()) {
            execute(connection, HistoryTable.CREATE);
            connection.commit();
        }
        Set<String> recorded = recorded(connection);
        List<String> applied = new ArrayList<>();
        for (CommittedMigrations history : histories) {
            int order = -1; // read once per history, as Liquibase's history service does
            for (Migration m : history.migrations()) {
                List<PlainSql.Changeset> parsed = PlainSql.changesets(history.text(m));
                for (int i = 0; i < parsed.size(); i++) {
                    CommittedMigrations.Changeset c = m.changesets().get(i);
                    if (recorded.contains(key(c.id(), c.author(), c.fileName()))) {
                        continue;
                    }
                    order = apply(connection, history, m, c, parsed.get(i).statements(), order, listener, applied);
                }
            }
        }
        return applied;
    }

    private static int apply(Connection connection, CommittedMigrations history, Migration m,
            CommittedMigrations.Changeset c, List<String> statements, int order, MigrationListener listener,
            List<String> applied) throws SQLException {
        String migration = m.tag();
        long started = System.nanoTime();
        listener.applying(migration, c.qualifiedId());
        String current = null;
        try {
            if (!c.runInTransaction()) {
                connection.setAutoCommit(true);
            }
            SearchPath.asLiquibaseSetsIt(connection);
            for (String statement : statements) {
                current = statement;
                execute(connection, statement);
            }
            if (!c.runInTransaction()) {
                connection.setAutoCommit(false);
            }
            if (order < 0) {
                current = HistoryTable.NEXT_ORDER;
                order = maxOrder(connection);
            }
            order++;
            current = HistoryTable.insert(c.id(), c.author(), c.fileName(), order,
                    history.liquibaseChecksum(c).orElseThrow());
            execute(connection, current);
            listener.applied(migration, c.qualifiedId(), Duration.ofNanos(System.nanoTime() - started));
            current = "COMMIT";
            connection.commit();
        } catch (SQLException e) {
            rollbackQuietly(connection, e);
            throw new ChangesetFailure(migration, c.qualifiedId(), c.runInTransaction(), current, e.getSQLState(),
                    e.getMessage(), applied, List.of(), e);
        }
        applied.add(migration + "/" + c.qualifiedId());
        return order;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            if (sql.contains("?")) {
                s.setEscapeProcessing(false); // as Liquibase's JdbcExecutor does
            }
            s.execute(sql);
        }
    }

    private static int maxOrder(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(HistoryTable.NEXT_ORDER)) {
            rs.next();
            return rs.getInt(1); // NULL (no rows) reads as 0, as Liquibase's queryForInt
        }
    }

    private static Set<String> recorded(Connection connection) throws SQLException {
        Set<String> keys = new HashSet<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("select id, author, filename from public.databasechangelog")) {
            while (rs.next()) {
                keys.add(key(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        return keys;
    }

    private static String key(String id, String author, String fileName) {
        return id + "\u0000" + author + "\u0000" + fileName;
    }

    private static void rollbackQuietly(Connection connection, SQLException cause) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            } else {
                connection.setAutoCommit(false);
            }
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
