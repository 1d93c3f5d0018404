package ai.paperclip.db.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.paperclip.db.introspect.Difference;
import ai.paperclip.db.testing.Db;
import ai.paperclip.db.testing.PostgresServer;
import ai.paperclip.db.testing.SharedPostgres;
import ai.paperclip.schema.migration.CommittedMigrations;
import ai.paperclip.schema.migration.MigrationException;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The front doors behind {@code check --database} ({@link DatabaseCheck}) and {@code adopt} ({@link Adoption}), on
 * a real PostgreSQL 17 and Paperclip's own history, opened as the tools open it ({@link MigrationDatabase}).
 */
@ExtendWith(SharedPostgres.class)
class DatabaseCheckAndAdoptionIT {

    private static final MigrationSource PAPERCLIP = MigrationSource.paperclip();

    private static MigrationDatabase open(PostgresServer server, String database) {
        return MigrationDatabase.open(Map.of("DATABASE_URL", server.urlOf(database, null)));
    }

    private static String newest() {
        CommittedMigrations history = PAPERCLIP.read();
        return history.migrations().get(history.migrations().size() - 1).tag();
    }

    @Test
    void theGatePassesOnlyAMigratedDatabaseWhoseSchemaIsTheSnapshots(PostgresServer server) {
        String name = server.freshDatabase();
        try (MigrationDatabase db = open(server, name)) {
            assertThat(db.description()).contains("***").doesNotContain(PostgresServer.PASSWORD);

            DatabaseCheck.Result empty = DatabaseCheck.run(db, PAPERCLIP);
            assertThat(empty.verdict()).isEqualTo(DatabaseCheck.Verdict.PENDING);
            assertThat(empty.drift()).isEmpty();
            assertThat(empty.comparedWith()).isEmpty();
            assertThat(empty.status().reason()).startsWith("the database is empty: ");

            db.migrator(java.util.List.of(PAPERCLIP)).migrate();
            DatabaseCheck.Result migrated = DatabaseCheck.run(db, PAPERCLIP);
            assertThat(migrated.verdict()).isEqualTo(DatabaseCheck.Verdict.OK);
            assertThat(migrated.drift()).hasValueSatisfying(d -> assertThat(d.matches()).isTrue());
            assertThat(migrated.comparedWith()).contains(newest());

            Db.execute(server.superuserOn(name), "ALTER TABLE companies DROP COLUMN description");
            DatabaseCheck.Result drifted = DatabaseCheck.run(db, PAPERCLIP);
            assertThat(drifted.verdict()).isEqualTo(DatabaseCheck.Verdict.DRIFT);
            assertThat(drifted.drift().orElseThrow().failures()).extracting(Difference::line)
                    .anyMatch(line -> line.contains("companies.description"));
        }
    }

    @Test
    void adoptRefusesADifferentDatabaseAndRecordsAMatchingOne(PostgresServer server) {
        String name = server.freshDatabase();
        DataSource superuser = server.superuserOn(name);
        String tag = Adoption.migration(PAPERCLIP.read(), null);
        assertThat(tag).isEqualTo(newest());
        assertThat(Adoption.migration(PAPERCLIP.read(), "0")).isEqualTo("0000_core_schema");
        assertThatThrownBy(() -> Adoption.migration(PAPERCLIP.read(), "9999")).isInstanceOf(MigrationException.class)
                .hasMessageContaining("No migration 9999").hasMessageContaining("0000_core_schema");

        try (MigrationDatabase db = open(server, name)) {
            Adoption.Result refused = Adoption.adopt(db, PAPERCLIP, tag);
            assertThat(refused.adopted()).isFalse();
            assertThat(refused.recorded()).isEmpty();
            assertThat(refused.report().failures()).extracting(Difference::line).anyMatch(l -> l.contains("companies"));
            assertThat(Db.tableExists(superuser, "databasechangelog")).isFalse();

            // Tables made another way: the migrations ran, then their history was lost.
            db.migrator(java.util.List.of(PAPERCLIP)).migrate();
            Db.execute(superuser, "DELETE FROM databasechangelog");
            Db.execute(superuser, "CREATE TRIGGER audit AFTER DELETE ON companies FOR EACH ROW EXECUTE FUNCTION"
                    + " suppress_redundant_updates_trigger()");
            assertThat(db.migrator(java.util.List.of(PAPERCLIP)).status().state())
                    .isEqualTo(MigrationStatus.State.NOT_MANAGED);

            Adoption.Result adopted = Adoption.adopt(db, PAPERCLIP, tag);
            assertThat(adopted.adopted()).isTrue();
            assertThat(adopted.migration()).isEqualTo(tag);
            assertThat(adopted.recorded()).isNotEmpty();
            assertThat(adopted.report().warnings()).extracting(Difference::line).anyMatch(l -> l.contains("trigger companies.audit"));
            assertThat(db.migrator(java.util.List.of(PAPERCLIP)).status().upToDate()).isTrue();

            assertThat(Adoption.adopt(db, PAPERCLIP, tag).recorded()).as("already recorded").isEmpty();
        }
    }

    @Test
    void migrateRefusesAnUnmanagedDatabaseThroughTheListener(PostgresServer server) {
        String name = server.freshDatabase();
        Db.execute(server.superuserOn(name), "CREATE TABLE legacy (id int)");
        Db.execute(server.superuserOn(name), "ALTER TABLE legacy OWNER TO " + PostgresServer.USER);
        try (MigrationDatabase db = open(server, name)) {
            MigrationListener refusing = new MigrationListener() {
                @Override
                public void beforeMigrate(MigrationStatus status) {
                    MigrationRefusedException.ifNotManaged(status);
                }
            };
            assertThatThrownBy(() -> db.migrator(java.util.List.of(PAPERCLIP), refusing).migrate())
                    .isInstanceOf(MigrationRefusedException.class)
                    .hasMessageStartingWith("Not migrating: the database has tables (legacy) but no migration history.");
        }
    }
}
