package ai.paperclip.db.introspect;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.db.testing.PostgresServer;
import ai.paperclip.db.testing.SharedPostgres;
import ai.paperclip.schema.ddl.PostgresDdl;
import ai.paperclip.schema.migration.CommittedMigrations;
import ai.paperclip.schema.model.SchemaModel;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Adopting a database built by plain DDL: what the snapshot of a migration defines must be there
 * (failures), what a larger application added is accepted (warnings), and drizzle's history is noticed.
 */
@ExtendWith(SharedPostgres.class)
class SchemaComparisonIT {

    private static final SchemaModel CORE = CommittedMigrations.paperclip().schemaAfter("0000");

    @Test
    void aDatabaseBuiltFromTheSnapshotWithADrizzleHistoryMatchesIt(PostgresServer server) throws Exception {
        FreshDatabase db = coreDatabase(server);
        db.execute("CREATE SCHEMA drizzle",
                "CREATE TABLE drizzle.__drizzle_migrations (id serial PRIMARY KEY, hash text NOT NULL, created_at bigint)",
                "INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('a', 1), ('b', 2), ('c', 3)");

        ComparisonReport report;
        try (Connection c = db.connect()) {
            report = SchemaComparison.compare(c, CORE);
        }

        assertThat(report.matches()).isTrue();
        assertThat(report.failures()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        assertThat(report.drizzleHistory()).contains(new DrizzleHistory(3));
        assertThat(report.drizzleHistory().orElseThrow().describe()).isEqualTo("drizzle.__drizzle_migrations is present"
                + " with 3 rows: the database was migrated by the TypeScript Paperclip (drizzle-kit).");
    }

    @Test
    void missingAndChangedObjectsFailWhileAnApplicationsOwnObjectsWarn(PostgresServer server) throws Exception {
        FreshDatabase db = coreDatabase(server);
        db.execute(
                // what the schema defines, broken
                "DROP INDEX agent_api_keys_key_hash_idx",
                "ALTER TABLE companies ALTER COLUMN brand_color TYPE varchar(7)",
                "ALTER TABLE companies ALTER COLUMN status DROP DEFAULT",
                "ALTER TABLE goals DROP COLUMN description",
                "ALTER INDEX activity_log_run_id_idx RENAME TO activity_log_run_idx",
                "DROP TABLE instance_user_roles",
                // what a larger application adds
                "CREATE TABLE heartbeat_runs (id uuid PRIMARY KEY, agent_id uuid REFERENCES agents(id))",
                "ALTER TABLE issues ADD COLUMN sprint text NOT NULL",
                "CREATE INDEX issues_sprint_idx ON issues (sprint)",
                "ALTER TABLE issues ADD CONSTRAINT issues_checkout_run_fk FOREIGN KEY (checkout_run_id) REFERENCES heartbeat_runs(id)");

        ComparisonReport report;
        try (Connection c = db.connect()) {
            report = SchemaComparison.compare(c, CORE);
        }

        assertThat(report.matches()).isFalse();
        assertThat(report.failures()).extracting(Difference::line).containsExactly(
                "index activity_log_run_id_idx on activity_log: missing (expected CREATE INDEX activity_log_run_id_idx"
                        + " ON activity_log (run_id)); the same definition exists as activity_log_run_idx: rename it",
                "index agent_api_keys_key_hash_idx on agent_api_keys: missing (expected CREATE INDEX"
                        + " agent_api_keys_key_hash_idx ON agent_api_keys (key_hash))",
                "column companies.status: default is none, expected 'active'::text",
                "column companies.brand_color: type is character varying(7), expected text",
                "column goals.description: missing (expected description text)",
                "table instance_user_roles: missing");
        assertThat(report.warnings()).extracting(Difference::line).containsExactly(
                "index activity_log_run_idx on activity_log: not defined by the schema",
                "column issues.sprint: not defined by the schema; it is NOT NULL without a default,"
                        + " so inserts that do not set it fail",
                "foreign key issues_checkout_run_fk on issues: not defined by the schema",
                "index issues_sprint_idx on issues: not defined by the schema",
                "table heartbeat_runs: not defined by the schema");
        assertThat(report.drizzleHistory()).isEmpty();
        assertThat(report.lines()).first().asString().startsWith("FAILURE index activity_log_run_id_idx on activity_log: ");
    }

    @Test
    void anExtensionTheSchemaNeedsCountsAsPresentWhereverItIsInstalled(PostgresServer server) throws Exception {
        FreshDatabase db = FreshDatabase.on(server);
        db.execute("CREATE SCHEMA extensions", "CREATE EXTENSION pg_trgm SCHEMA extensions");
        SchemaModel expected = new SchemaModel(java.util.List.of("pg_trgm"), java.util.List.of());

        try (Connection c = db.connect()) {
            assertThat(SchemaComparison.compare(c, expected).failures()).isEmpty();
        }
    }

    private static FreshDatabase coreDatabase(PostgresServer server) throws Exception {
        FreshDatabase db = FreshDatabase.on(server);
        db.execute(PostgresDdl.createSchema(CORE));
        return db;
    }
}
