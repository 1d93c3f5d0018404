package ai.paperclip.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the sample must do over HTTP whatever database it runs on; each subclass picks the database. */
abstract class IssuesServiceContract {

    @LocalServerPort
    int port;

    @Autowired
    OpenIssuesAtStartup atStartup;

    @Test
    void aBeanThatReadIssuesWhileCreatedFoundAnEmptyMigratedDatabase() {
        assertThat(atStartup.openIssues()).isZero();
    }

    @Test
    void createsACompanyAndNumberedIssuesAndListsThemOverHttp() throws Exception {
        assertThat(Http.post(port, "/companies", "{\"name\":\"Acme\",\"prefix\":\"ACM\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> first = Http.post(port, "/companies/ACM/issues", "{\"title\":\"Ship it\"}");
        HttpResponse<String> second = Http.post(port, "/companies/ACM/issues", "{\"title\":\"Write the docs\"}");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.body()).contains("\"identifier\":\"ACM-1\"", "\"status\":\"backlog\"");
        assertThat(second.body()).contains("\"identifier\":\"ACM-2\"");

        HttpResponse<String> open = Http.get(port, "/companies/ACM/issues");

        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(open.body()).contains("ACM-1", "Ship it", "ACM-2", "Write the docs");
        assertThat(open.body().indexOf("ACM-1")).isLessThan(open.body().indexOf("ACM-2"));
        assertThat(Http.get(port, "/companies/NOPE/issues").statusCode()).isEqualTo(404);
    }

    @Test
    void theActuatorShowsThePaperclipHealth() throws Exception {
        HttpResponse<String> health = Http.get(port, "/actuator/health/paperclip");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"", "\"state\":\"UP_TO_DATE\"", "\"pending\":[]",
                "\"maxConnections\"").doesNotContain(":paperclip@", "password");
        assertThat(Http.get(port, "/actuator/metrics/paperclip.db.migrations.applied").statusCode()).isEqualTo(200);
        assertThat(Http.get(port, "/actuator/metrics/hikaricp.connections.max").body()).contains("\"value\":10");
    }
}
