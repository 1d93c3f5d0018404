package ai.paperclip.db.migration;

import java.util.Locale;

/** Whether start-up may ask at a terminal before applying pending migrations ({@code PAPERCLIP_MIGRATION_PROMPT}). */
public enum MigrationPrompt {

    /** Ask when the console is interactive; otherwise refuse to start (unless auto-apply is on). */
    AUTO,
    /** Never ask: apply pending migrations without a question (the documented promise of {@code never}). */
    NEVER;

    /** The value as written in the environment: {@code auto} or {@code never}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
