package ai.paperclip.db;

import ai.paperclip.db.internal.ConnectionUrls;
import ai.paperclip.db.internal.ReadUrls;
import java.time.Duration;

/**
 * The checks {@link PaperclipDbOptions}' only constructor runs, once, so no options escape them; messages name
 * the option, its environment variable, the value and the fix.
 */
final class OptionsValidation {

    /** HikariCP's own floor; below it HikariCP would silently use its default instead. */
    static final Duration MIN_CONNECT_TIMEOUT = Duration.ofMillis(250);
    /** HikariCP's own floor for a non-zero idle timeout. */
    static final Duration MIN_IDLE_TIMEOUT = Duration.ofSeconds(10);
    /** PostgreSQL truncates application_name to NAMEDATALEN - 1 bytes. */
    static final int MAX_APPLICATION_NAME_BYTES = 63;

    private OptionsValidation() {
    }

    static void validate(PaperclipDbOptions o) {
        if (o.poolMax() < 1) {
            throw invalid("poolMax", String.valueOf(o.poolMax()),
                    "must be at least 1; use e.g. 10 (the default)");
        }
        Duration idle = o.idleTimeout();
        if (idle == null || idle.isNegative() || (!idle.isZero() && idle.compareTo(MIN_IDLE_TIMEOUT) < 0)) {
            throw invalid("idleTimeout", String.valueOf(idle),
                    "must be zero (never close idle connections) or at least 10 s");
        }
        Duration connect = o.connectTimeout();
        if (connect == null || connect.compareTo(MIN_CONNECT_TIMEOUT) < 0) {
            throw invalid("connectTimeout", String.valueOf(connect),
                    "must be at least 250 ms; the default is 30 s");
        }
        o.slowQueryThreshold().ifPresent(threshold -> {
            if (threshold.isNegative() || threshold.isZero()) {
                throw invalid("slowQueryThreshold", threshold.toString(),
                        "must be positive; use null to turn slow-query logging off");
            }
        });
        o.applicationName().ifPresent(OptionsValidation::checkApplicationName);
        if (o.poolName() == null || o.poolName().isBlank()) {
            throw invalid("poolName", String.valueOf(o.poolName()), "must not be blank");
        }
        o.migrationUrl().ifPresent(OptionsValidation::checkMigrationUrl);
        o.readUrl().ifPresent(ReadUrls::split);
        if (o.readPoolMax() < 1) {
            throw invalid("readPoolMax", String.valueOf(o.readPoolMax()), "must be at least 1; the default is 10");
        }
        positive("replicaMaxLag", o.replicaMaxLag(), "the default is 10 s");
        positive("replicaCheckInterval", o.replicaCheckInterval(), "the default is 2 s");
        positive("connectionWarnInterval", o.connectionWarnInterval(), "the default is 5 minutes");
        positive("monitorInterval", o.monitorInterval(), "the default is 15 s");
        if (o.readYourWritesTimeout() == null || o.readYourWritesTimeout().isNegative()) {
            throw invalid("readYourWritesTimeout", String.valueOf(o.readYourWritesTimeout()),
                    "must be zero (never wait: read from the primary) or positive; the default is 500 ms");
        }
        Duration statement = o.statementTimeout();
        if (statement == null || statement.isNegative() || statement.toMillis() > Integer.MAX_VALUE) {
            throw invalid("statementTimeout", String.valueOf(statement),
                    "must be zero (off) or a positive number of milliseconds up to 2147483647; the default is 60 s");
        }
        if (o.connectionWarnPercent() < 0 || o.connectionWarnPercent() > 100) {
            throw invalid("connectionWarnPercent", String.valueOf(o.connectionWarnPercent()),
                    "must be a percentage from 1 to 100, or 0 to turn the warning off; the default is 80");
        }
        positive("backupInterval", o.backupInterval(), "the default is 60 minutes (config.json's intervalMinutes)");
        o.meterRegistry().ifPresent(OptionsValidation::checkMeterRegistry);
        if (o.migrationPrompt() == null) {
            throw invalid("migrationPrompt", "null", "must be AUTO or NEVER");
        }
        if (o.migrationConsole() == null) {
            throw invalid("migrationConsole", "null", "must be set; use MigrationConsole.none() for no terminal");
        }
        if (o.migrations() == null || o.migrations().isEmpty()) {
            throw invalid("migrations", String.valueOf(o.migrations()),
                    "must name at least one history; the default is MigrationSource.paperclip()");
        }
    }

    private static void positive(String option, Duration value, String hint) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw invalid(option, String.valueOf(value), "must be positive; " + hint);
        }
    }

    private static void checkMeterRegistry(Object registry) {
        boolean micrometer = false;
        for (Class<?> c = registry.getClass(); c != null; c = c.getSuperclass()) {
            micrometer |= c.getName().equals("io.micrometer.core.instrument.MeterRegistry");
        }
        if (!micrometer) {
            throw invalid("meterRegistry", registry.getClass().getName(),
                    "must be a Micrometer io.micrometer.core.instrument.MeterRegistry (e.g. a SimpleMeterRegistry)");
        }
    }

    private static void checkApplicationName(String name) {
        if (name.isBlank() || name.chars().anyMatch(c -> c < 0x20 || c > 0x7e)
                || name.length() > MAX_APPLICATION_NAME_BYTES) {
            throw invalid("applicationName", name,
                    "must be 1 to 63 printable ASCII characters (PostgreSQL shows it in pg_stat_activity)");
        }
    }

    private static void checkMigrationUrl(String url) {
        try {
            ConnectionUrls.parse(url);
        } catch (InvalidUrlException e) {
            throw new InvalidUrlException("migrationUrl (DATABASE_MIGRATION_URL): " + e.getMessage());
        }
    }

    private static InvalidOptionException invalid(String option, String value, String rule) {
        String variable = EnvironmentSettings.SETTINGS.stream()
                .filter(s -> s.builderMethod().equals(option))
                .map(s -> " (" + s.variable() + ")")
                .reduce((upstream, ours) -> ours).orElse(""); // DATABASE_ is listed after an upstream alias
        return new InvalidOptionException(option + variable + " " + rule + "; got " + value + ".");
    }
}
