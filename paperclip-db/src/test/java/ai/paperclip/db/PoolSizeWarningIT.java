package ai.paperclip.db;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.db.internal.PoolSizeCheck;
import ai.paperclip.db.testing.LogCapture;
import ai.paperclip.db.testing.PostgresServer;
import ai.paperclip.db.testing.SharedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A pool larger than the server allows is named at start, with both numbers, not discovered under load. */
@ExtendWith(SharedPostgres.class)
class PoolSizeWarningIT {

    @Test
    void warnsWhenPoolMaxExceedsTheServersConnectionsAndOnlyThen(PostgresServer server) throws Exception {
        int maxConnections;
        int reserved;
        try (PaperclipDb db = PaperclipDb.create(server.url(), PaperclipDbOptions.builder().poolMax(2).build());
             Connection c = db.dataSource().getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select current_setting('max_connections')::int,"
                     + " current_setting('superuser_reserved_connections')::int")) {
            rs.next();
            maxConnections = rs.getInt(1);
            reserved = rs.getInt(2);
        }
        assertThat(LogCapture.linesOf(PoolSizeCheck.class.getName())).isEmpty();

        int tooMany = maxConnections + 1;
        try (PaperclipDb db = PaperclipDb.create(server.url(), PaperclipDbOptions.builder().poolMax(tooMany).build())) {
            assertThat(db.health()).isNotNull(); // a warning, not a failure
        }

        assertThat(LogCapture.linesOf(PoolSizeCheck.class.getName())).singleElement().asString()
                .startsWith("WARN ")
                .contains("poolMax (DATABASE_POOL_MAX) is " + tooMany)
                .contains("above the " + (maxConnections - reserved) + " connections")
                .contains("max_connections " + maxConnections)
                .doesNotContain(PostgresServer.PASSWORD);
    }
}
