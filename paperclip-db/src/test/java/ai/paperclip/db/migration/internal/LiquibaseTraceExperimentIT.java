package ai.paperclip.db.migration.internal;

import ai.paperclip.db.PaperclipDbOptions;
import ai.paperclip.db.internal.ConnectionUrls;
import ai.paperclip.db.migration.MigrationListener;
import ai.paperclip.db.migration.MigrationSource;
import ai.paperclip.db.testing.PostgresServer;
import ai.paperclip.db.testing.RecordingConnection;
import ai.paperclip.db.testing.SharedPostgres;
import ai.paperclip.db.testing.TestHistory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedPostgres.class)
class LiquibaseTraceExperimentIT {

    @Test
    void trace(PostgresServer server, @TempDir Path dir) throws Exception {
        String database = server.freshDatabase();
        TestHistory history = TestHistory.in(dir).migration("0000_a", "-- c1\nCREATE TABLE a (id int); -- trailing\n-- c2\nCREATE INDEX a_i ON a (id);");
        run(server, database, List.of(MigrationSource.paperclip(), history.source()));
        history.migration("0001_b", "CREATE TABLE b (id int);");
        run(server, database, List.of(MigrationSource.paperclip(), history.source()));
    }

    private static void run(PostgresServer server, String database, List<MigrationSource> sources) throws Exception {
        try (MigrationConnection mc = MigrationConnection.open(ConnectionUrls.parse(server.urlOf(database, null)),
                PaperclipDbOptions.defaults())) {
            mc.lock("x");
            RecordingConnection rec = RecordingConnection.of(mc.connection());
            LiquibaseRunner.update(rec.connection(), sources, MigrationListener.NONE);
            rec.events().forEach(e -> System.out.println("EVENT " + e.replace('\n', '~')));
            System.out.println("EVENT ----------");
        }
    }
}
