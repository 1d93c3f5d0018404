package ai.paperclip.db.backup;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.db.migration.MigrationDatabase;
import ai.paperclip.db.testing.Db;
import ai.paperclip.db.testing.PostgresServer;
import ai.paperclip.db.testing.SharedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link InstanceBackups}, the backups of an instance as the CLI's backup commands see them from the environment: the
 * directory's rule, a backup through the tools' opener, and the inventory (backups, health, physical files).
 */
@ExtendWith(SharedPostgres.class)
class InstanceBackupsIT {

    @TempDir
    Path home;

    @Test
    void theDirectoryIsDirElseTheVariableElseTheInstances() {
        Path given = home.resolve("given");
        Path variable = home.resolve("from-variable");
        Map<String, String> env = Map.of("PAPERCLIP_HOME", home.toString());

        assertThat(InstanceBackups.directory(env, Path.of("relative"))).isEqualTo(Path.of("relative").toAbsolutePath());
        assertThat(InstanceBackups.directory(Map.of("PAPERCLIP_HOME", home.toString(), BackupSettings.DIR,
                variable.toString()), null)).isEqualTo(variable);
        assertThat(InstanceBackups.directory(env, null)).isEqualTo(home.resolve("instances").resolve("default")
                .resolve("data").resolve("backups"));
        assertThat(InstanceBackups.directory(env, given)).isEqualTo(given);
        // A directory given: the listing needs no instance, not even a home directory.
        assertThat(InstanceBackups.inventory(Map.of(), given, Clock.systemUTC()).backups()).isEmpty();
    }

    @Test
    void aBackupThroughTheOpenerIsInTheInventoryWithItsHealth(PostgresServer server) throws Exception {
        String name = server.migratedDatabase();
        String url = server.urlOf(name, null);
        Map<String, String> env = Map.of("DATABASE_URL", url, "PAPERCLIP_HOME", home.toString());

        InstanceBackups.Inventory none = InstanceBackups.inventory(env, null, Clock.systemUTC());
        assertThat(none.backups()).isEmpty();
        assertThat(InstanceBackups.health(env, none.directory(), Clock.systemUTC()).newest()).isEmpty();
        assertThat(none.physical()).isEmpty();

        BackupResult made;
        try (MigrationDatabase db = MigrationDatabase.open(env)) {
            made = InstanceBackups.of(db, env, null, false).backup();
        }
        Path directory = InstanceBackups.directory(env, null);
        assertThat(made.file().getParent()).isEqualTo(directory);
        // A physical backup's name is listed beside the logical ones, by name and size only.
        Path physical = directory.resolve("paperclip-20260101-000000" + Backups.PHYSICAL_SUFFIX);
        Files.write(physical, new byte[] {1, 2, 3});

        InstanceBackups.Inventory one = InstanceBackups.inventory(env, null, Clock.systemUTC());
        assertThat(one.directory()).isEqualTo(directory);
        assertThat(one.backups()).extracting(BackupFile::file).containsExactly(made.file());
        BackupHealth health = InstanceBackups.health(env, directory, Clock.systemUTC());
        assertThat(health.newest()).hasValueSatisfying(f -> assertThat(f.file()).isEqualTo(made.file()));
        assertThat(health.stale()).isFalse();
        assertThat(one.physical()).containsExactly(new InstanceBackups.PhysicalFile(physical, 3));
        assertThat(one.at()).isNotNull();
    }

    @Test
    void backupRestoreAndVerifyTellTheirProgressTableByTable(PostgresServer server) {
        server.allowDatabaseCreation(); // verify's scratch database
        String name = server.migratedDatabase();
        String url = server.urlOf(name, null);
        Db.execute(server.superuserOn(name), "INSERT INTO companies (name, issue_prefix) VALUES ('Acme', 'ACM'),"
                + " ('Globex', 'GLX')");
        Backups backups = Backups.of(url, BackupOptions.builder().directory(home.resolve("backups")).build());

        List<String> written = new ArrayList<>();
        BackupResult made = backups.backup((n, of, table, rows, bytes) -> written.add(n + "/" + of
                + " " + table + " " + rows + " " + (bytes >= 0)));
        int tables = made.manifest().tables().size();
        assertThat(written).hasSize(tables).first().asString().startsWith("1/" + tables + " ");
        assertThat(written).last().asString().startsWith(tables + "/" + tables + " ");
        assertThat(written).contains(indexOf(made, "\"public\".\"companies\"") + "/" + tables
                + " \"public\".\"companies\" 2 true");

        List<Long> loaded = new ArrayList<>();
        VerifyReport verified = backups.verify(made.file(), (n, of, table, rows, bytes) -> loaded.add(bytes));
        assertThat(verified.ok()).isTrue();
        assertThat(loaded).hasSize(tables).isSorted();

        String target = server.freshDatabase();
        List<String> restored = new ArrayList<>();
        Backups.of(server.urlOf(target, null), BackupOptions.builder().directory(home).migrate(false).build())
                .restore(made.file(), false, (n, of, table, rows, bytes) -> restored.add(table + " " + rows));
        assertThat(restored).hasSize(tables).contains("\"public\".\"companies\" 2");
    }

    private static int indexOf(BackupResult made, String table) {
        List<String> names = made.manifest().tables().stream().map(TableSummary::table).toList();
        return names.indexOf(table) + 1;
    }
}
