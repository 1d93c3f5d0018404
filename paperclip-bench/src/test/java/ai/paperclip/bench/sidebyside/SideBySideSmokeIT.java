package ai.paperclip.bench.sidebyside;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.embedded.EmbeddedPostgres;
import ai.paperclip.embedded.InstanceHome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each side-by-side workload at a tiny size, on a real embedded PostgreSQL: it runs to the end and prints the
 * JSON line the comparison reads, with every figure the peer harness has a counterpart for. No figure's value
 * is judged (timings are not asserted), only that it is there, numeric and not negative.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SideBySideSmokeIT {

    @TempDir
    static Path tmp;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @Order(1)
    void coldAndWarmStartups() throws Exception {
        JsonNode cold = parse(StartupWorkload.run(0, "cold", home().toString(), "warm"));
        assertFigures(cold, "w1-startup-cold", List.of("jvm_boot_ms", "create_ms", "first_query_ms", "total_ms",
                "total_incl_jvm_boot_ms", "stop_ms"));

        JsonNode warm = parse(StartupWorkload.run(0, "warm", home().toString(), "warm"));
        assertFigures(warm, "w1b-startup-warm", List.of("create_ms", "first_query_ms", "total_ms", "stop_ms"));

        JsonNode phases = parse(StartupWorkload.run(0, "warm", home().toString(), "warm", "phases"));
        assertFigures(phases, "w1b-startup-warm", List.of("start_ms", "migrate_check_ms", "first_query_ms", "stop_ms"));
    }

    @Test
    @Order(2)
    void generateAndApply() throws Exception {
        Path folder = tmp.resolve("migrations");
        assertFigures(parse(GenerateWorkload.run(0, "synth500", folder.toString(), "5")), "w2-generate",
                List.of("gen_synth500_ms"));
        assertFigures(parse(GenerateWorkload.run(0, "synth500_add_column", folder.toString(), "5")), "w2-generate",
                List.of("gen_synth500_add_column_ms"));
        Path applied = tmp.resolve("apply");
        GenerateWorkload.run(0, "synth100", applied.toString(), "5");

        JsonNode apply = parse(ApplyWorkload.run(home().toString(), "apply", applied.toString(), "5"));
        assertFigures(apply, "w2b-apply", List.of("setup_ms", "apply_ms", "stop_ms"));
        assertThat(apply.get("tables").asLong()).isEqualTo(5);
        assertThat(apply.get("fks").asLong()).isEqualTo(4);
    }

    @Test
    @Order(3)
    void oltpOnThePeersModelAndOnTheCoreSchema() throws Exception {
        List<String> figures = List.of("setup_ms", "insert_company_and_agents_ms", "insert_issues_ms",
                "insert_issues_rows_per_s", "pk_ops_per_s", "pk_p50_ms", "pk_p99_ms", "pk_mean_ms", "list_ops_per_s",
                "list_p50_ms", "seq_ops_per_s", "seq_p99_ms", "insert_client_cpu_pct", "pk_server_cpu_pct",
                "insert_copy_ms", "insert_copy_rows_per_s");
        JsonNode peerModel = parse(new OltpWorkload().run(InstanceHome.of(home(), "oltp"), false, 100));
        assertFigures(peerModel, "w3-oltp", figures);
        assertThat(peerModel.get("n_issues").asLong()).isEqualTo(1_000);
        assertThat(peerModel.get("n_pk").asLong()).isEqualTo(500);

        JsonNode core = parse(new OltpWorkload().run(InstanceHome.of(home(), "oltp-core"), true, 100));
        assertFigures(core, "w3-oltp-core", figures);
    }

    @Test
    @Order(4)
    void floor() throws Exception {
        JsonNode floor = parse(FloorWorkload.run(home(), 50, 5));
        assertFigures(floor, "floor", List.of("cold_initdb_ms", "cold_pgctl_start_ms", "cold_first_query_ms",
                "cold_total_ms", "pgctl_stop_ms", "warm_pgctl_start_ms", "warm_first_query_ms", "warm_total_ms",
                "rtt_raw_ops_per_s", "rtt_raw_p50_ms", "rtt_raw_p99_ms", "rtt_jooq_ops_per_s", "rtt_jooq_p50_ms",
                "rtt_jooq_p99_ms", "warm_spawn_ready_ms", "warm_spawn_first_query_ms", "warm_spawn_total_ms",
                "spawn_stop_ms", "initdb_nosync_ms"));
        assertThat(floor.get("rtt_n").asLong()).isEqualTo(50);
    }

    @Test
    @Order(5)
    void flywayAnchorAndOursOnAnExternalServer() throws Exception {
        String external = home().toString();
        try (EmbeddedPostgres server = ExternalServer.start(home(), 1)) {
            int port = server.port();
            List<String> figures = List.of("jvm_boot_ms", "migrate_ms", "first_query_ms", "total_ms",
                    "total_incl_jvm_boot_ms", "stop_ms");
            List<Long> tables = new java.util.ArrayList<>();
            for (String side : List.of("flyway", "ours")) {
                JsonNode empty = parse(ExternalWorkload.run(0, side, "empty", external, "" + port, "1"));
                assertFigures(empty, "x1-external-empty", figures);
                JsonNode upToDate = parse(ExternalWorkload.run(0, side, "uptodate", external, "" + port, "1"));
                assertFigures(upToDate, "x1b-external-uptodate", figures);
                assertThat(empty.get("tables").asLong()).as(side).isGreaterThanOrEqualTo(13);
                assertThat(upToDate.get("tables")).as(side).isEqualTo(empty.get("tables"));
                tables.add(empty.get("tables").asLong());
                if (side.equals("flyway")) {
                    assertThat(empty.get("migrations_applied").asLong()).isEqualTo(1);
                    assertThat(upToDate.get("migrations_applied").asLong()).isZero();
                }
            }
            assertThat(tables.get(0)).as("Flyway and ours build the same tables").isEqualTo(tables.get(1));
        }
    }

    private static Path home() {
        return tmp.resolve("home");
    }

    private static JsonNode parse(Figures figures) throws Exception {
        return JSON.readTree(figures.json());
    }

    private static void assertFigures(JsonNode json, String workload, List<String> figures) {
        assertThat(json.get("workload").asText()).isEqualTo(workload);
        for (String figure : figures) {
            assertThat(json.get(figure)).as(figure + " in " + json).isNotNull();
            assertThat(json.get(figure).isNumber()).as(figure + " is a number in " + json).isTrue();
            assertThat(json.get(figure).asDouble()).as(figure).isGreaterThanOrEqualTo(0);
        }
    }
}
