package ai.paperclip.db.introspect;

import ai.paperclip.db.internal.ServerVersionCheck;
import ai.paperclip.db.introspect.internal.CatalogReader;
import ai.paperclip.db.introspect.internal.Jdbc;
import ai.paperclip.db.introspect.internal.SearchPath;
import ai.paperclip.schema.model.SchemaModel;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Reads a live PostgreSQL 17+ schema into a {@link SchemaModel} in the form the table DSL produces:
 * types as {@code format_type} prints them, defaults, checks, predicates and index expressions as
 * {@code pg_get_expr} / {@code pg_get_indexdef} print them, serial columns as their
 * {@code nextval('<table>_<column>_seq'::regclass)} default, identity columns, primary, foreign
 * (with their actions) and unique keys ({@code NULLS NOT DISTINCT}), checks, and indexes (method,
 * non-default operator classes, expressions, {@code DESC}, predicates). A database built from a
 * model's DDL introspects to a model equal to it.
 *
 * <p>Left out: Liquibase's {@code databasechangelog} and {@code databasechangeloglock}, partitions
 * (their partitioned parent is read), PostgreSQL 18's named NOT NULL constraints (nullability is on
 * the column), and what the model cannot express (exclusion constraints, generated-column
 * expressions: logged at WARN). Extensions: see {@link #introspect(Connection, String)}.
 *
 * <pre>{@code
 * try (Connection c = db.dataSource().getConnection()) {
 *     SchemaModel live = SchemaIntrospector.introspect(c);
 * }
 * }</pre>
 */
public final class SchemaIntrospector {

    /** The schema read when none is named. */
    public static final String DEFAULT_SCHEMA = "public";

    private SchemaIntrospector() {
    }

    /** Reads the {@value #DEFAULT_SCHEMA} schema. */
    public static SchemaModel introspect(Connection connection) {
        return introspect(connection, DEFAULT_SCHEMA);
    }

    /**
     * Reads {@code schema}. The connection's {@code search_path} is set to that schema for the
     * duration (so its own objects print unqualified) and restored afterwards.
     *
     * <p>Extensions reported: those an object of the schema depends on (an operator class, type or
     * function of the extension) and those installed into the schema itself; never {@code plpgsql},
     * which every database has. Other installed extensions (a hosted database's
     * {@code pg_stat_statements}, say) belong to the database, not to the schema.
     *
     * @throws IntrospectionException when the schema does not exist or the catalog cannot be read
     * @throws ai.paperclip.db.UnsupportedServerException when the server is older than PostgreSQL 17
     */
    public static SchemaModel introspect(Connection connection, String schema) {
        try {
            // The catalog queries use PostgreSQL 17 columns: an older server gets the version rule, not a missing column.
            ServerVersionCheck.require(connection, "database " + Jdbc.strings(connection, "SELECT current_database()").get(0));
            if (Jdbc.strings(connection, "SELECT nspname FROM pg_namespace WHERE nspname = ?", schema).isEmpty()) {
                throw new IntrospectionException("Schema \"" + schema + "\" does not exist in database "
                        + Jdbc.strings(connection, "SELECT current_database()").get(0)
                        + ". Create it, or name the schema the tables live in.", "3F000", null);
            }
            try (SearchPath ignored = SearchPath.set(connection, schema)) {
                return CatalogReader.read(connection, schema);
            }
        } catch (SQLException e) {
            throw new IntrospectionException("Cannot read schema \"" + schema + "\" from the catalog: "
                    + e.getMessage(), e.getSQLState(), e);
        }
    }
}
