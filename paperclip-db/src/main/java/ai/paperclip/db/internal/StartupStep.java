package ai.paperclip.db.internal;

import ai.paperclip.db.PaperclipDbOptions;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Something that must succeed on a freshly opened pool before {@code PaperclipDb.create} hands it out
 * (the server version check, then start-up migrations). A step that throws
 * makes {@code create} close the pool and fail.
 */
@FunctionalInterface
public interface StartupStep {

    void run(Context context) throws SQLException;

    /** What a step may use: the new pool, where it points (parsed, and as given), and the options. */
    record Context(DataSource pool, ConnectionTarget target, String url, PaperclipDbOptions options) {

        @Override
        public String toString() {
            return "Context{" + target + "}"; // never the URL as given: it may hold the password
        }
    }
}
