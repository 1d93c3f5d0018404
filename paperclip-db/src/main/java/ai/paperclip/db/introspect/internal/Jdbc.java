package ai.paperclip.db.introspect.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The few JDBC shapes the introspection code needs: rows handled one by one, a single long, a text array. */
public final class Jdbc {

    private Jdbc() {
    }

    /** Handles one row of a result. */
    public interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    /** Runs {@code sql} with string parameters and hands every row to {@code handler}. */
    public static void query(Connection connection, String sql, RowHandler handler, String... parameters)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    handler.handle(rs);
                }
            }
        }
    }

    /** The first column of every row, as text. */
    public static List<String> strings(Connection connection, String sql, String... parameters) throws SQLException {
        List<String> values = new ArrayList<>();
        query(connection, sql, rs -> values.add(rs.getString(1)), parameters);
        return values;
    }

    /** The single number a query such as {@code SELECT count(*)} returns. */
    public static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A {@code text[]} / {@code name[]} column as a list, or {@code null} for SQL NULL. */
    public static List<String> textArray(ResultSet rs, int column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? null : Arrays.asList((String[]) array.getArray());
    }
}
