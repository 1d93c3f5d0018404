package ai.paperclip.db.migration.internal;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Liquibase's history table ({@code databasechangelog}) written exactly as Liquibase 4.33 writes it on
 * PostgreSQL, for {@link FastApply}: its CREATE TABLE, the INSERT of a changeset's row (its
 * {@code MarkChangeSetRanGenerator}: {@code NOW()}, {@code MAX(ORDEREXECUTED)+1}, description {@code sql},
 * empty comments, no contexts, labels or tag, the Liquibase version from the jar's
 * {@code liquibase.build.properties}) and the deployment id (one per JVM, as Liquibase's root scope makes it:
 * the last ten digits of the epoch milliseconds). {@code LiquibaseRunner} hands Liquibase the same id, so rows
 * written either way in one JVM share it. Only used on the schema {@code public}, where Liquibase writes
 * {@code public.databasechangelog}.
 */
final class HistoryTable {

    static final String SCHEMA = "public";
    static final String CREATE = "CREATE TABLE public.databasechangelog (ID VARCHAR(255) NOT NULL, AUTHOR VARCHAR(255)"
            + " NOT NULL, FILENAME VARCHAR(255) NOT NULL, DATEEXECUTED TIMESTAMP WITHOUT TIME ZONE NOT NULL,"
            + " ORDEREXECUTED INTEGER NOT NULL, EXECTYPE VARCHAR(10) NOT NULL, MD5SUM VARCHAR(35), DESCRIPTION"
            + " VARCHAR(255), COMMENTS VARCHAR(255), TAG VARCHAR(255), LIQUIBASE VARCHAR(20), CONTEXTS VARCHAR(255),"
            + " LABELS VARCHAR(255), DEPLOYMENT_ID VARCHAR(10))";
    static final String NEXT_ORDER = "SELECT MAX(ORDEREXECUTED) FROM public.databasechangelog";
    /** The columns as CREATE makes them (name, type, length, nullable): anything else is Liquibase's to upgrade. */
    static final List<String> COLUMNS = List.of("id character varying 255 NO", "author character varying 255 NO",
            "filename character varying 255 NO", "dateexecuted timestamp without time zone null NO",
            "orderexecuted integer null NO", "exectype character varying 10 NO", "md5sum character varying 35 YES",
            "description character varying 255 YES", "comments character varying 255 YES",
            "tag character varying 255 YES", "liquibase character varying 20 YES",
            "contexts character varying 255 YES", "labels character varying 255 YES",
            "deployment_id character varying 10 YES");
    static final String COLUMNS_QUERY = "select column_name || ' ' || data_type || ' ' || coalesce("
            + "character_maximum_length::text, 'null') || ' ' || is_nullable from information_schema.columns"
            + " where table_schema = 'public' and table_name = 'databasechangelog' order by ordinal_position";

    private static final Optional<String> LIQUIBASE_VERSION = readVersion();

    private HistoryTable() {
    }

    /** The Liquibase version the LIQUIBASE column records, if Liquibase's jar is on the class path. */
    static Optional<String> liquibaseVersion() {
        return LIQUIBASE_VERSION;
    }

    /** The column descriptions of {@code public.databasechangelog}; empty when it does not exist. */
    static List<String> columns(Connection connection) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(COLUMNS_QUERY)) {
            while (rs.next()) {
                columns.add(rs.getString(1));
            }
        }
        return columns;
    }

    /** Liquibase's literal INSERT for a changeset it ran (values checked plain by {@link FastApply}). */
    static String insert(String id, String author, String fileName, int orderExecuted, String md5sum) {
        return "INSERT INTO public.databasechangelog (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM,"
                + " DESCRIPTION, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('" + id + "', '"
                + author + "', '" + fileName + "', NOW(), " + orderExecuted + ", '" + md5sum + "', 'sql', '', 'EXECUTED',"
                + " NULL, NULL, '" + LIQUIBASE_VERSION.orElseThrow() + "', '" + DeploymentId.ID + "')";
    }

    /** The one deployment id of this JVM, made as Liquibase's {@code Scope.generateDeploymentId()} does. */
    static final class DeploymentId {
        static final String ID = generate();

        private DeploymentId() {
        }

        private static String generate() {
            long time = System.currentTimeMillis();
            String date = String.valueOf(time);
            return date.length() > 9 ? date.substring(date.length() - 10) : new DecimalFormat("0000000000").format(time);
        }
    }

    private static Optional<String> readVersion() {
        try (InputStream in = HistoryTable.class.getClassLoader().getResourceAsStream("liquibase.build.properties")) {
            if (in == null) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(in);
            return Optional.ofNullable(properties.getProperty("build.version"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
