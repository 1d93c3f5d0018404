package ai.paperclip.db.internal;

import ai.paperclip.db.PaperclipDbOptions;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Something that must succeed before {@code PaperclipDb.create} opens the pool and hands it out (the server
 * version check, the pool size check, then start-up migrations). Every step runs on the one pre-flight
 * connection, which then becomes the pool's first connection. A step that throws makes {@code create} close
 * it and fail.
 */
@FunctionalInterface
public interface StartupStep {

    void run(Context context) throws SQLException;

    /**
     * What a step may use: the pre-flight connection (a step leaves it as it found it: autocommit, no session
     * settings), the server's settings read on it, where it points (parsed, and as given), and the options. On a
     * data source the application gave ({@code dataSource} set, {@code url} null) there is no pre-flight
     * connection ({@code connection} null): a step borrows from {@code dataSource} and gives it back.
     */
    record Context(Connection connection, ServerSettings settings, DataSource dataSource, ConnectionTarget target,
                   String url, PaperclipDbOptions options) {

        @Override
        public String toString() {
            return "Context{" + target + "}"; // never the URL as given: it may hold the password
        }
    }
}
