package ai.paperclip.db.internal;

import ai.paperclip.db.PaperclipDbOptions;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Something that must succeed on a freshly opened pool before {@code PaperclipDb.create} hands it out
 * (the server version check today; start-up migrations are meant to join here). A step that throws
 * makes {@code create} close the pool and fail.
 */
@FunctionalInterface
public interface StartupStep {

    void run(Context context) throws SQLException;

    /** What a step may use: the new pool, where it points, and the options. */
    record Context(DataSource pool, ConnectionTarget target, PaperclipDbOptions options) {
    }
}
