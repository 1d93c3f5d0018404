package ai.paperclip.db.copy;

import ai.paperclip.db.PaperclipDbException;
import java.util.OptionalLong;

/**
 * A bulk copy that inserted nothing: a row the client could not write as COPY text (checked before it is
 * sent), or a row the server refused (its type input, a constraint). Names the table and, when known, the
 * row (1-based, in the order the rows were given) and the column.
 */
public class CopyFailedException extends PaperclipDbException {

    private static final long serialVersionUID = 1L;

    private final String table;
    private final long row;

    CopyFailedException(String message, String table, long row, String sqlState, Throwable cause) {
        super(message, sqlState, cause);
        this.table = table;
        this.row = row;
    }

    /** The table copied into, as rendered in the COPY statement (quoted, possibly schema-qualified). */
    public String table() {
        return table;
    }

    /** The failing row, 1-based in the order the rows were given; empty when the failure names no row. */
    public OptionalLong row() {
        return row > 0 ? OptionalLong.of(row) : OptionalLong.empty();
    }
}
