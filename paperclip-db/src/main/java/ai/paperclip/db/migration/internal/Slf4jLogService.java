package ai.paperclip.db.migration.internal;

import java.util.logging.Level;
import liquibase.logging.Logger;
import liquibase.logging.core.AbstractLogService;
import liquibase.logging.core.AbstractLogger;
import org.slf4j.LoggerFactory;

/**
 * Liquibase's log, on SLF4J (Liquibase would use java.util.logging). Liquibase's INFO is step-by-step
 * detail, so it goes to DEBUG; our own INFO lines say what was applied. Its SEVERE lines (a failing
 * changeset) go to DEBUG too: the same failure reaches the caller as one exception, and a stack trace in
 * the log beside it is noise, not news. Stack traces of its warnings are DEBUG as well.
 */
final class Slf4jLogService extends AbstractLogService {

    @Override
    public int getPriority() {
        return PRIORITY_SPECIALIZED;
    }

    @Override
    public Logger getLog(Class clazz) {
        org.slf4j.Logger log = LoggerFactory.getLogger(clazz);
        return new AbstractLogger() {
            @Override
            public void log(Level level, String message, Throwable e) {
                int value = level.intValue();
                if (value == Level.OFF.intValue()) {
                    return; // Liquibase logs some lines "at OFF" (e.g. analytics being disabled): not at all
                }
                if (value >= Level.SEVERE.intValue()) {
                    // Liquibase logs a failure and then throws it; Migrator words that exception once (changeset,
                    // statement, SQLState, server message). This copy, with its 60-line trace, is detail: DEBUG.
                    log.debug(message, e);
                } else if (value >= Level.WARNING.intValue()) {
                    log.warn(message);
                    if (e != null) {
                        log.debug(message, e);
                    }
                } else if (value >= Level.INFO.intValue()) {
                    log.debug(message, e);
                } else {
                    log.trace(message, e);
                }
            }
        };
    }
}
