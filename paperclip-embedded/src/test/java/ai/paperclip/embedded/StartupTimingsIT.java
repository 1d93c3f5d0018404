package ai.paperclip.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures start-up (printed, never asserted: timings depend on the machine). Each figure is
 * start() plus the first query, on a cache as described.
 */
class StartupTimingsIT {

    @TempDir
    Path tmp;

    @Test
    void measuresColdAndWarmStarts() throws Exception {
        Path cache = tmp.resolve("empty-cache");
        InstanceHome first = TestHomes.withFreePort(tmp.resolve("a"));
        long coldEmptyCache = timeStartAndQuery(TestHomes.builder(first).cacheDirectory(cache));
        long warm = timeStartAndQuery(TestHomes.builder(first).cacheDirectory(cache));

        InstanceHome second = TestHomes.withFreePort(tmp.resolve("b"));
        long coldFromTemplate = timeStartAndQuery(TestHomes.builder(second).cacheDirectory(cache));

        InstanceHome third = TestHomes.withFreePort(tmp.resolve("c"));
        long coldInitdb = timeStartAndQuery(TestHomes.builder(third).cacheDirectory(cache).clusterTemplateCache(false));

        System.out.printf("TIMING cold start, empty cache (extract binaries + initdb + template + start + query): %d ms%n",
                coldEmptyCache);
        System.out.printf("TIMING cold start, new instance, initdb (no template cache) + start + query: %d ms%n",
                coldInitdb);
        System.out.printf("TIMING cold start, new instance, cached cluster template + start + query: %d ms%n",
                coldFromTemplate);
        System.out.printf("TIMING warm start, existing cluster, start + query: %d ms%n", warm);
    }

    private static long timeStartAndQuery(EmbeddedPostgres.Builder builder) throws Exception {
        long started = System.nanoTime();
        try (EmbeddedPostgres pg = builder.start();
             Connection c = pg.openConnection(pg.database()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1")) {
            rs.next();
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(pg.startedByThisProcess()).isTrue();
            return millis;
        }
    }
}
