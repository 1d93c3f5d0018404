package ai.paperclip.bench.sidebyside;

import static org.assertj.core.api.Assertions.assertThat;

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
    void oltp() throws Exception {
        JsonNode oltp = parse(new OltpWorkload().run(InstanceHome.of(home(), "oltp"), 100));
        assertFigures(oltp, "w3-oltp", List.of("setup_ms", "insert_company_and_agents_ms", "insert_issues_ms",
                "insert_issues_rows_per_s", "pk_ops_per_s", "pk_p50_ms", "pk_p99_ms", "pk_mean_ms", "list_ops_per_s",
                "list_p50_ms", "seq_ops_per_s", "seq_p99_ms", "insert_client_cpu_pct", "pk_server_cpu_pct"));
        assertThat(oltp.get("n_issues").asLong()).isEqualTo(1_000);
        assertThat(oltp.get("n_pk").asLong()).isEqualTo(500);
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
