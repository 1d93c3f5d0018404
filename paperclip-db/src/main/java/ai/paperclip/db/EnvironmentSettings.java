package ai.paperclip.db;

import ai.paperclip.db.migration.MigrationPrompt;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The {@code DATABASE_*} environment variables and the builder methods they feed. Variable names are
 * derived from the method names by {@link #variableName}, so the documented rule cannot drift. The
 * start-up migration settings keep upstream's {@code PAPERCLIP_} prefix (the documented exception): the
 * rest of their name follows the same rule ({@code migrationAutoApply} &harr;
 * {@code PAPERCLIP_MIGRATION_AUTO_APPLY}). Package-private: {@link PaperclipDbOptions#fromEnvironment(Map)} and
 * {@link PaperclipDbOptions.Builder#environment(Map)} are the public doors, and they only call the builder.
 */
final class EnvironmentSettings {

    /** One setting: the builder method it feeds, how its text is parsed, how it is applied. */
    record Setting(String prefix, String builderMethod, Kind kind,
            BiConsumer<PaperclipDbOptions.Builder, Object> apply) {

        Setting(String builderMethod, Kind kind, BiConsumer<PaperclipDbOptions.Builder, Object> apply) {
            this(DATABASE_PREFIX, builderMethod, kind, apply);
        }

        /** The environment variable, by the one naming rule. */
        public String variable() {
            if (kind == Kind.MILLIS) {
                return variableName(prefix, builderMethod, false) + "_MS";
            }
            return variableName(prefix, builderMethod, kind == Kind.SECONDS || kind == Kind.POSITIVE_SECONDS);
        }
    }

    /** The prefix of the connection settings. */
    static final String DATABASE_PREFIX = "DATABASE_";
    /** Upstream Paperclip's name for the statement timeout, accepted too ({@code DATABASE_} wins). */
    static final String PAPERCLIP_DB_PREFIX = "PAPERCLIP_DB_";
    /** The prefix of the start-up migration settings, inherited from upstream. */
    static final String PAPERCLIP_PREFIX = "PAPERCLIP_";

    /** How a variable's text is read. */
    enum Kind { BOOLEAN, POSITIVE_INTEGER, PERCENT_OR_OFF, SECONDS, POSITIVE_SECONDS, MILLIS, URL, PROMPT }

    static final List<Setting> SETTINGS = List.of(
            new Setting("preparedStatements", Kind.BOOLEAN, (b, v) -> b.preparedStatements((Boolean) v)),
            new Setting("poolMax", Kind.POSITIVE_INTEGER, (b, v) -> b.poolMax((Integer) v)),
            new Setting("idleTimeout", Kind.SECONDS, (b, v) -> b.idleTimeout((Duration) v)),
            new Setting("connectTimeout", Kind.POSITIVE_SECONDS, (b, v) -> b.connectTimeout((Duration) v)),
            new Setting("migrationUrl", Kind.URL, (b, v) -> b.migrationUrl((String) v)),
            new Setting("readUrl", Kind.URL, (b, v) -> b.readUrl((String) v)),
            new Setting("readPoolMax", Kind.POSITIVE_INTEGER, (b, v) -> b.readPoolMax((Integer) v)),
            new Setting("replicaMaxLag", Kind.POSITIVE_SECONDS, (b, v) -> b.replicaMaxLag((Duration) v)),
            new Setting("replicaCheckInterval", Kind.POSITIVE_SECONDS, (b, v) -> b.replicaCheckInterval((Duration) v)),
            new Setting("readYourWritesTimeout", Kind.MILLIS, (b, v) -> b.readYourWritesTimeout((Duration) v)),
            // Upstream's name first, so that DATABASE_STATEMENT_TIMEOUT_MS wins when both are set.
            new Setting(PAPERCLIP_DB_PREFIX, "statementTimeout", Kind.MILLIS, (b, v) -> b.statementTimeout((Duration) v)),
            new Setting("statementTimeout", Kind.MILLIS, (b, v) -> b.statementTimeout((Duration) v)),
            new Setting("connectionWarnPercent", Kind.PERCENT_OR_OFF, (b, v) -> b.connectionWarnPercent((Integer) v)),
            new Setting("connectionWarnInterval", Kind.POSITIVE_SECONDS, (b, v) -> b.connectionWarnInterval((Duration) v)),
            new Setting("monitorInterval", Kind.POSITIVE_SECONDS, (b, v) -> b.monitorInterval((Duration) v)),
            new Setting(PAPERCLIP_PREFIX, "migrationAutoApply", Kind.BOOLEAN, (b, v) -> b.migrationAutoApply((Boolean) v)),
            new Setting(PAPERCLIP_PREFIX, "migrationPrompt", Kind.PROMPT, (b, v) -> b.migrationPrompt((MigrationPrompt) v)),
            new Setting(PAPERCLIP_PREFIX, "embeddedPostgres", Kind.BOOLEAN, (b, v) -> b.embeddedPostgres((Boolean) v)));

    private EnvironmentSettings() {
    }

    /** {@code poolMax} -> {@code DATABASE_POOL_MAX}; with {@code seconds}, {@code _SECONDS} is appended. */
    static String variableName(String builderMethod, boolean seconds) {
        return variableName(DATABASE_PREFIX, builderMethod, seconds);
    }

    static String variableName(String prefix, String builderMethod, boolean seconds) {
        String snake = builderMethod.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        return prefix + snake + (seconds ? "_SECONDS" : "");
    }

    static void apply(Map<String, String> environment, PaperclipDbOptions.Builder builder) {
        for (Setting setting : SETTINGS) {
            String raw = environment.get(setting.variable());
            if (raw == null || raw.strip().isEmpty()) {
                continue; // empty = unset, as upstream
            }
            setting.apply().accept(builder, parse(setting, raw.strip()));
        }
    }

    /** Whether {@code environment} allows the embedded PostgreSQL ({@code PAPERCLIP_EMBEDDED_POSTGRES}, default true). */
    static boolean embeddedPostgresAllowed(Map<String, String> environment) {
        Setting setting = SETTINGS.stream().filter(s -> s.builderMethod().equals("embeddedPostgres")).findFirst().orElseThrow();
        String raw = environment.get(setting.variable());
        return raw == null || raw.strip().isEmpty()
                ? PaperclipDbOptions.DEFAULT_EMBEDDED_POSTGRES : (Boolean) parse(setting, raw.strip());
    }

    /** The refusal when no database URL is set and the embedded PostgreSQL is not allowed. */
    static InvalidOptionException embeddedPostgresRefused(String where) {
        return new InvalidOptionException("No database URL is set (" + where + ") and the embedded PostgreSQL is"
                + " turned off (PAPERCLIP_EMBEDDED_POSTGRES=false or embeddedPostgres(false)). Set DATABASE_URL to"
                + " the production database, e.g. postgres://USER:PASSWORD@HOST:5432/DB?sslmode=require; for"
                + " development, leave PAPERCLIP_EMBEDDED_POSTGRES unset.");
    }

    private static Object parse(Setting setting, String value) {
        switch (setting.kind()) {
            case BOOLEAN:
                if (value.equals("true") || value.equals("1")) {
                    return true;
                }
                if (value.equals("false") || value.equals("0")) {
                    return false;
                }
                throw invalid(setting, value, "is not one of true, false, 1, 0");
            case POSITIVE_INTEGER:
                return number(setting, value, 1, "is not a positive integer (e.g. 10)");
            case PERCENT_OR_OFF:
                return number(setting, value, 0, "is not a percentage from 1 to 100, or 0 (off)");
            case SECONDS:
                return Duration.ofSeconds(number(setting, value, 0, "is not a whole number of seconds (0 = never)"));
            case POSITIVE_SECONDS:
                return Duration.ofSeconds(number(setting, value, 1, "is not a positive whole number of seconds"));
            case MILLIS:
                return Duration.ofMillis(number(setting, value, 0, "is not a whole number of milliseconds (0 = off)"));
            case PROMPT:
                for (MigrationPrompt prompt : MigrationPrompt.values()) {
                    if (prompt.value().equals(value.toLowerCase(Locale.ROOT))) {
                        return prompt;
                    }
                }
                throw invalid(setting, value, "is not one of auto, never");
            default:
                return value;
        }
    }

    private static int number(Setting setting, String value, int min, String problem) {
        if (!value.matches("[0-9]{1,9}") || Integer.parseInt(value) < min) {
            throw invalid(setting, value, problem);
        }
        return Integer.parseInt(value);
    }

    private static InvalidOptionException invalid(Setting setting, String value, String problem) {
        return new InvalidOptionException(setting.variable() + "='" + value + "' " + problem
                + "; fix the variable or leave it empty for the default (builder method "
                + setting.builderMethod() + ").");
    }
}
