package ai.paperclip.examples.docs;

import ai.paperclip.db.backup.BackupResult;
import ai.paperclip.db.backup.InstanceBackups;
import ai.paperclip.db.introspect.Doctor;
import ai.paperclip.db.introspect.DoctorChecks;
import ai.paperclip.db.introspect.DoctorReport;
import ai.paperclip.db.migration.Adoption;
import ai.paperclip.db.migration.DatabaseCheck;
import ai.paperclip.db.migration.MigrationDatabase;
import ai.paperclip.db.migration.MigrationScripts;
import ai.paperclip.db.migration.MigrationSource;
import ai.paperclip.db.migration.MigrationStatus;
import ai.paperclip.db.migration.Migrator;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** docs/front-doors.md: the library calls each command of the CLI (and goal of the Maven plugin) makes. */
final class FrontDoors {

    private static final Logger LOG = LoggerFactory.getLogger(FrontDoors.class);

    private FrontDoors() {
    }

    static boolean tour(Map<String, String> env) {
        List<MigrationSource> paperclip = List.of(MigrationSource.paperclip());
        try (MigrationDatabase db = MigrationDatabase.open(env)) {            // DATABASE_URL, .env, config.json, embedded
            Migrator migrator = db.migrator(paperclip);
            MigrationStatus status = migrator.status();                        // status
            LOG.info("{}: {}", db.description(), status.reason());
            List<MigrationScripts.Script> pending = MigrationScripts.pending(migrator);   // sql
            DatabaseCheck.Result gate = DatabaseCheck.run(db, MigrationSource.paperclip()); // check --database
            String tag = Adoption.migration(MigrationSource.paperclip().read(), null);
            Adoption.Result adopted = Adoption.adopt(db, MigrationSource.paperclip(), tag);  // adopt
            BackupResult backup = InstanceBackups.of(db, env, null, false)
                    .backup((n, of, table, rows, bytes) -> LOG.info("table {} of {}: {}", n, of, table)); // backup
            LOG.info("{} pending, gate {}, adopted {}, {}", pending.size(), gate.verdict(), adopted.adopted(), backup.file());
        }
        InstanceBackups.Inventory inventory = InstanceBackups.inventory(env, null, Clock.systemDefaultZone()); // backups
        DoctorReport doctor = Doctor.run(env, paperclip, DoctorChecks.DEFAULT_CONNECT_TIMEOUT, null);      // doctor
        return doctor.ok() && !inventory.backups().isEmpty();
    }
}
