package ai.paperclip.db.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Small read helpers for inspecting a database from the trusted superuser's side. */
public final class Db {

    private Db() {
    }

    /** Runs one statement. */
    public static void execute(DataSource dataSource, String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The first column of every row of {@code sql}, as text. */
    public static List<String> column(DataSource dataSource, String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The single value of {@code sql}, as text. */
    public static String value(DataSource dataSource, String sql) {
        List<String> values = column(dataSource, sql);
        if (values.size() != 1) {
            throw new IllegalStateException(sql + " returned " + values.size() + " rows");
        }
        return values.get(0);
    }

    /** {@code author:id} of every history row, in the order applied. */
    public static List<String> history(DataSource dataSource) {
        return column(dataSource, "select author || ':' || id from databasechangelog order by orderexecuted");
    }

    /** Whether a table of that name exists in {@code public}. */
    public static boolean tableExists(DataSource dataSource, String table) {
        return !column(dataSource, "select 1 from pg_tables where schemaname = 'public' and tablename = '" + table + "'").isEmpty();
    }

    /** Advisory locks held or awaited in the database, as {@code pid:granted}. */
    public static List<String> advisoryLocks(DataSource dataSource) {
        return column(dataSource, "select pid || ':' || granted from pg_locks where locktype = 'advisory'"
                + " and database = (select oid from pg_database where datname = current_database())");
    }
}
