package ai.paperclip.db.copy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Bulk insert through pgJDBC's {@code CopyManager}: {@code COPY table (columns) FROM STDIN} in text format
 * ({@link CopyText} says why text), the rows streamed in 64 KB chunks as they are read from the
 * {@code Iterable}, so a large copy needs no more memory than one chunk.
 *
 * <p>All or nothing, and always inside a transaction: on an auto-commit connection the copy opens its own
 * (committed on success, rolled back on failure); inside the caller's, a failure aborts the caller's. A row the
 * client cannot write cancels the COPY before the end, so rows already sent are discarded by the server too.
 * The explicit transaction is what makes it work through a transaction-mode pooler such as PgBouncer: when the
 * server refuses a row it drops the rest of the data stream, and in auto-commit it would be idle at once, so
 * the pooler would hand its connection on while the client still sends the data the server has stopped
 * reading; in a (failed) transaction the pooler keeps the connection linked until the rollback.
 */
public final class BulkCopy {

    /** Bytes gathered before they are handed to the driver: large enough to fill the socket, small to hold. */
    static final int CHUNK_BYTES = 1 << 16;

    private static final DSLContext RENDER = DSL.using(SQLDialect.POSTGRES);
    // "COPY issues, line 3, column company_id: "x"": the server's CONTEXT of a refused row.
    private static final Pattern LINE = Pattern.compile("\\bline (\\d+)(?:, column ([^:]+))?");

    private BulkCopy() {
    }

    /**
     * Copies {@code rows} into {@code columns} of {@code table} on {@code connection} (a pgJDBC connection, or
     * a pool's proxy of one), in the connection's current transaction mode. Each row holds one value per
     * column, in the columns' order: a String in the column type's text form, a number, Boolean, UUID,
     * java.time value, byte[], jOOQ JSON/JSONB or enum, or null.
     *
     * @return the number of rows inserted
     * @throws CopyFailedException  naming the table, the row and the column when a row cannot be written or
     *     the server refuses it; nothing of this copy is inserted
     * @throws IllegalArgumentException when the table or columns are missing, empty or repeated
     */
    public static long copy(Connection connection, Table<?> table, List<? extends Field<?>> columns,
                            Iterable<? extends Object[]> rows) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(rows, "rows");
        String target = RENDER.render(Objects.requireNonNull(table, "table"));
        String sql = "COPY " + target + " (" + columnList(target, columns) + ") FROM STDIN";
        boolean ownTransaction;
        try {
            ownTransaction = connection.getAutoCommit();
            if (ownTransaction) {
                connection.setAutoCommit(false);
            }
        } catch (SQLException e) {
            throw refused(target, e, 0);
        }
        boolean committed = false;
        try {
            long inserted = copyIn(connection, target, sql, columns, rows);
            if (ownTransaction) {
                connection.commit();
            }
            committed = true;
            return inserted;
        } catch (SQLException e) {
            throw refused(target, e, 0);
        } finally {
            if (ownTransaction) {
                end(connection, committed);
            }
        }
    }

    private static long copyIn(Connection connection, String target, String sql, List<? extends Field<?>> columns,
                               Iterable<? extends Object[]> rows) {
        CopyIn copy;
        try {
            copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        } catch (SQLException e) {
            throw refused(target, e, 0);
        }
        long row = 0;
        try {
            CopyText text = new CopyText();
            for (Object[] values : rows) {
                row++;
                write(text, target, columns, values, row);
                if (text.length() >= CHUNK_BYTES) {
                    copy.writeToCopy(text.buffer(), 0, text.length());
                    text.clear();
                }
            }
            if (text.length() > 0) {
                copy.writeToCopy(text.buffer(), 0, text.length());
            }
            return copy.endCopy();
        } catch (SQLException e) {
            cancel(copy);
            throw refused(target, e, row);
        } catch (RuntimeException e) {
            cancel(copy);
            throw e;
        }
    }

    private static String columnList(String target, List<? extends Field<?>> columns) {
        if (columns == null || columns.isEmpty()) {
            throw new IllegalArgumentException("COPY into " + target + ": name at least one column");
        }
        Set<String> seen = new HashSet<>();
        for (Field<?> column : columns) {
            if (!seen.add(Objects.requireNonNull(column, "column").getName())) {
                throw new IllegalArgumentException("COPY into " + target + ": column " + column.getName()
                        + " is named twice");
            }
        }
        // Unqualified: COPY's column list takes bare names, and a generated field would render table.column.
        return columns.stream().map(c -> RENDER.render(DSL.name(c.getName()))).collect(Collectors.joining(", "));
    }

    private static void write(CopyText text, String target, List<? extends Field<?>> columns, Object[] values,
                              long row) {
        if (values == null || values.length != columns.size()) {
            throw new CopyFailedException("COPY into " + target + ": row " + row + " has "
                    + (values == null ? "no values (null)" : values.length + " values") + " for " + columns.size()
                    + " columns; nothing was inserted", target, row, null, null);
        }
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.delimiter();
            }
            try {
                text.value(values[i]);
            } catch (IllegalArgumentException e) {
                throw new CopyFailedException("COPY into " + target + ": row " + row + ", column "
                        + columns.get(i).getName() + ": " + e.getMessage() + "; nothing was inserted", target, row,
                        null, e);
            }
        }
        text.endOfRow();
    }

    private static CopyFailedException refused(String target, SQLException e, long rowsSent) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        Matcher where = LINE.matcher(server == null || server.getWhere() == null ? "" : server.getWhere());
        long row = where.find() ? Long.parseLong(where.group(1)) : 0;
        String at = row > 0 ? " at row " + row + (where.group(2) != null ? ", column " + where.group(2) : "") : "";
        String what = server != null && server.getMessage() != null ? server.getMessage() : e.getMessage();
        return new CopyFailedException("COPY into " + target + " failed" + at + ": " + what + " (SQLState "
                + e.getSQLState() + "); nothing was inserted" + (rowsSent > 0 && row == 0 ? " (" + rowsSent
                + " rows were sent)" : ""), target, row, e.getSQLState(), e);
    }

    /** Rolls back what failed and gives the connection back in auto-commit, as it was lent. */
    private static void end(Connection connection, boolean committed) {
        try {
            if (!committed) {
                connection.rollback();
            }
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            // The connection is broken (the pool will drop it); the copy's own failure is what is being thrown.
        }
    }

    private static void cancel(CopyIn copy) {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException alreadyFailed) {
            // The server already ended the COPY with the error being reported; nothing more to undo.
        }
    }
}
