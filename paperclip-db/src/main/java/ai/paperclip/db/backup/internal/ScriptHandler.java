package ai.paperclip.db.backup.internal;

/** What {@link ScriptReader} finds in a backup script, in file order. */
public interface ScriptHandler {

    /** One SQL statement, without its terminating semicolon. */
    void statement(String sql) throws Exception;

    /** A {@code COPY ... FROM stdin} statement; its data lines follow. */
    void copyBegin(String sql) throws Exception;

    /** One data line of the current COPY block, with its newline, exactly as in the file. */
    void copyLine(byte[] line, int length) throws Exception;

    /** The {@code \.} that ends the current COPY block. */
    void copyEnd() throws Exception;

    /** A line {@code -- paperclip-backup ...} outside any statement (our manifest). */
    void manifestLine(String line) throws Exception;

    /** A psql meta-command line ({@code \restrict KEY} of recent pg_dump versions, say). */
    void metaCommand(String line) throws Exception;

    /** An upstream separator line ({@link ScriptReader#BREAKPOINT}). */
    default void breakpoint() {
    }
}
