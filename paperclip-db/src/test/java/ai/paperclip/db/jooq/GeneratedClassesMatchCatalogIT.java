package ai.paperclip.db.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.db.PaperclipDb;
import ai.paperclip.db.PaperclipDbOptions;
import ai.paperclip.db.migration.MigrationConsole;
import ai.paperclip.db.testing.PostgresServer;
import ai.paperclip.db.testing.SharedPostgres;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jooq.Field;
import org.jooq.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The jOOQ classes generated at build time from the schema model, and the catalog the migrations
 * produce on a fresh database, describe the same tables, columns, types and nullability: the two
 * can never drift apart unnoticed.
 */
@ExtendWith(SharedPostgres.class)
class GeneratedClassesMatchCatalogIT {

    @Test
    void generatedTablesMatchTheMigratedCatalog(PostgresServer server) {
        String database = server.freshDatabase();
        PaperclipDbOptions options = PaperclipDbOptions.builder().migrationConsole(MigrationConsole.none()).build();
        try (PaperclipDb db = PaperclipDb.create(server.urlOf(database, null), options)) {
            Map<String, String> live = describe(db.dsl().meta().getTables().stream()
                    .filter(t -> t.getSchema() != null && t.getSchema().getName().equals("public"))
                    .filter(t -> !t.getName().startsWith("databasechangelog")).toList());
            Map<String, String> generated = describe(DefaultSchema.DEFAULT_SCHEMA.getTables());

            assertThat(generated.keySet()).hasSize(13);
            assertThat(generated).isEqualTo(live);
        }
    }

    /** table -> "column type(java type) null|not null" lines, sorted. */
    private static Map<String, String> describe(java.util.List<? extends Table<?>> tables) {
        Map<String, String> described = new TreeMap<>();
        for (Table<?> table : tables) {
            described.put(table.getName(), java.util.Arrays.stream(table.fields()).map(GeneratedClassesMatchCatalogIT::column)
                    .sorted().collect(Collectors.joining("\n")));
        }
        return described;
    }

    private static String column(Field<?> field) {
        return field.getName() + " " + field.getDataType().getTypeName() + "(" + javaType(field.getType()) + ") "
                + (field.getDataType().nullable() ? "null" : "not null");
    }

    /**
     * jOOQ's runtime meta reads {@code date}/{@code timestamp}/{@code time} as the java.sql types; the
     * generator is configured with {@code javaTimeTypes}, which maps the same SQL types to java.time. The
     * same SQL type either way, so compare them as the java.time ones.
     */
    private static String javaType(Class<?> type) {
        if (type == java.sql.Date.class) {
            return java.time.LocalDate.class.getName();
        }
        if (type == java.sql.Timestamp.class) {
            return java.time.LocalDateTime.class.getName();
        }
        if (type == java.sql.Time.class) {
            return java.time.LocalTime.class.getName();
        }
        return type.getName();
    }
}
