package ai.paperclip.spring.boot.internal;

import ai.paperclip.db.DatabaseTarget;
import ai.paperclip.db.InvalidOptionException;
import ai.paperclip.db.PaperclipDbOptions;
import ai.paperclip.db.backup.BackupSettings;
import ai.paperclip.db.migration.MigrationPrompt;
import ai.paperclip.db.migration.MigrationSource;
import ai.paperclip.spring.boot.PaperclipDbProperties;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.util.StringUtils;

/**
 * Paperclip's settings in a Spring application: the {@code paperclip.db.*} properties over Paperclip's environment
 * variables ({@code DATABASE_*}, {@code PAPERCLIP_*}), read from Spring's {@link Environment} (the process
 * environment is one of its sources, and tests can set them as properties), then the library's defaults. The
 * library's own resolution does the rest ({@link DatabaseTarget#resolve}, {@link PaperclipDbOptions.Builder#environment}),
 * so the instance's {@code .env} and {@code config.json} keep working as documented.
 */
public final class PaperclipSettings {

    /** Boot's own pool is used when this is set. */
    public static final String SPRING_DATASOURCE_URL = "spring.datasource.url";

    private static final Pattern VARIABLE = Pattern.compile("(DATABASE|PAPERCLIP)_[A-Z0-9_]+");

    private final PaperclipDbProperties properties;
    private final Map<String, String> variables;
    private final ClassLoader classLoader;
    // HOME, for the instance whose config.json may turn scheduled backups on (not one of Paperclip's variables).
    private final String userHome;

    private PaperclipSettings(PaperclipDbProperties properties, Map<String, String> variables, ClassLoader classLoader,
                              String userHome) {
        this.properties = properties;
        this.variables = variables;
        this.classLoader = classLoader;
        this.userHome = userHome;
    }

    /** Binds {@code paperclip.db.*} and collects the variables; usable before the properties bean exists. */
    public static PaperclipSettings of(Environment environment, ClassLoader classLoader) {
        PaperclipDbProperties properties = Binder.get(environment).bind("paperclip.db", PaperclipDbProperties.class)
                .orElseGet(PaperclipDbProperties::new);
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment instanceof ConfigurableEnvironment configurable) {
            for (PropertySource<?> source : configurable.getPropertySources()) {
                if (source instanceof EnumerablePropertySource<?> enumerable) {
                    for (String name : enumerable.getPropertyNames()) {
                        if (VARIABLE.matcher(name).matches()) {
                            variables.putIfAbsent(name, environment.getProperty(name));
                        }
                    }
                }
            }
        }
        // Properties win over their variables: laid over the map the library resolves from.
        put(variables, "DATABASE_URL", properties.getUrl());
        put(variables, "PAPERCLIP_HOME", properties.getInstance().getHome());
        put(variables, "PAPERCLIP_INSTANCE_ID", properties.getInstance().getId());
        put(variables, "PAPERCLIP_EMBEDDED_POSTGRES", properties.getEmbeddedPostgres());
        variables.values().removeIf(v -> v == null);
        return new PaperclipSettings(properties, Map.copyOf(variables), classLoader, environment.getProperty("HOME"));
    }

    /** Whether {@code spring.datasource.url} names Boot's own pool. */
    public static boolean springDataSourceUrlSet(Environment environment) {
        return StringUtils.hasText(environment.getProperty(SPRING_DATASOURCE_URL));
    }

    public PaperclipDbProperties properties() {
        return properties;
    }

    /** Paperclip's variables as the library reads them (properties laid over). */
    public Map<String, String> variables() {
        return variables;
    }

    /** Where the starter's own pool connects: the URL the settings name, else the embedded server. */
    public DatabaseTarget target() {
        return DatabaseTarget.resolve(variables);
    }

    /**
     * The options, validated once, without metrics.
     *
     * @throws InvalidOptionException naming the setting (property or variable) and what to do
     */
    public PaperclipDbOptions options() {
        return options(null);
    }

    /**
     * The options, validated once; Paperclip's gauges go to {@code meterRegistry} (a Micrometer registry, or null).
     *
     * @throws InvalidOptionException naming the setting (property or variable) and what to do
     */
    public PaperclipDbOptions options(Object meterRegistry) {
        try {
            PaperclipDbOptions.Builder builder = PaperclipDbOptions.builder().environment(variables);
            PaperclipDbProperties p = properties;
            if (p.getMigrationUrl() != null) {
                builder.migrationUrl(p.getMigrationUrl());
            }
            if (p.getPreparedStatements() != null) {
                builder.preparedStatements(p.getPreparedStatements());
            }
            if (p.getApplicationName() != null) {
                builder.applicationName(p.getApplicationName());
            }
            if (p.getEmbeddedPostgres() != null) {
                builder.embeddedPostgres(p.getEmbeddedPostgres());
            }
            if (p.getLogQueries() != null) {
                builder.logQueries(p.getLogQueries());
            }
            if (p.getSlowQueryThreshold() != null) {
                builder.slowQueryThreshold(p.getSlowQueryThreshold());
            }
            if (p.getLogBindValues() != null) {
                builder.logBindValues(p.getLogBindValues());
            }
            if (p.getPool().getMax() != null) {
                builder.poolMax(p.getPool().getMax());
            }
            if (p.getPool().getIdleTimeout() != null) {
                builder.idleTimeout(p.getPool().getIdleTimeout());
            }
            if (p.getPool().getConnectTimeout() != null) {
                builder.connectTimeout(p.getPool().getConnectTimeout());
            }
            if (p.getPool().getName() != null) {
                builder.poolName(p.getPool().getName());
            }
            if (p.getMigration().getEnabled() != null) {
                builder.migrate(p.getMigration().getEnabled());
            }
            if (p.getMigration().getAutoApply() != null) {
                builder.migrationAutoApply(p.getMigration().getAutoApply());
            }
            if (p.getMigration().getPrompt() != null) {
                builder.migrationPrompt(prompt(p.getMigration().getPrompt()));
            }
            if (p.getReadUrl() != null) {
                builder.readUrl(p.getReadUrl());
            }
            if (p.getStatementTimeout() != null) {
                builder.statementTimeout(p.getStatementTimeout());
            }
            builder.meterRegistry(meterRegistry);
            builder.migrations(sources().toArray(MigrationSource[]::new));
            Map<String, String> backupEnvironment = new LinkedHashMap<>(variables);
            if (userHome != null) {
                backupEnvironment.putIfAbsent("HOME", userHome);
            }
            BackupSettings.reportIn(builder, backupEnvironment); // health() reports scheduled backups when they are on
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new InvalidOptionException("Invalid Paperclip backup setting (config.json's database.backup or its"
                    + " environment variable): " + e.getMessage());
        } catch (InvalidOptionException e) {
            throw new InvalidOptionException("Invalid Paperclip database setting (a paperclip.db.* property or its"
                    + " environment variable): " + e.getMessage());
        }
    }

    /** Paperclip's history, then the application's, in the order given. */
    List<MigrationSource> sources() {
        List<MigrationSource> sources = new ArrayList<>();
        sources.add(MigrationSource.paperclip());
        for (String location : properties.getMigrations().getLocations()) {
            sources.add(source(location));
        }
        return sources;
    }

    private MigrationSource source(String location) {
        String trimmed = location == null ? "" : location.strip();
        if (trimmed.startsWith("filesystem:")) {
            return MigrationSource.folder(Path.of(trimmed.substring("filesystem:".length())));
        }
        String path = trimmed.startsWith("classpath:") ? trimmed.substring("classpath:".length()) : trimmed;
        if (path.isBlank() || trimmed.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*") && !trimmed.startsWith("classpath:")) {
            throw new InvalidOptionException("paperclip.db.migrations.locations has '" + location + "': use"
                    + " classpath:com/acme/db/migrations or filesystem:/path/to/migrations (a folder made by"
                    + " paperclip-migrate generate).");
        }
        return MigrationSource.classpath(classLoader, path);
    }

    private static MigrationPrompt prompt(String value) {
        try {
            return MigrationPrompt.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidOptionException("paperclip.db.migration.prompt (PAPERCLIP_MIGRATION_PROMPT) must be auto or"
                    + " never; got " + value + ".");
        }
    }

    private static void put(Map<String, String> variables, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            variables.put(name, value.toString());
        }
    }
}
