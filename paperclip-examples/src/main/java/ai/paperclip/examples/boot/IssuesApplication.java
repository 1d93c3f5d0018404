package ai.paperclip.examples.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small Spring Boot service on Paperclip's database: one dependency ({@code paperclip-spring-boot-starter}) gives
 * it the pool, Boot's jOOQ {@code DSLContext}, the migrations before anything reads, the {@code paperclip} health
 * and the meters. With no URL configured it runs on the embedded default; {@code DATABASE_URL} or
 * {@code paperclip.db.url} (or {@code spring.datasource.url}) point it at a server.
 *
 * <pre>
 * curl -X POST localhost:8080/companies -H 'content-type: application/json' -d '{"name":"Acme","prefix":"ACM"}'
 * curl -X POST localhost:8080/companies/ACM/issues -H 'content-type: application/json' -d '{"title":"Ship it"}'
 * curl localhost:8080/companies/ACM/issues
 * </pre>
 */
@SpringBootApplication
public class IssuesApplication {

    public static void main(String[] args) {
        SpringApplication.run(IssuesApplication.class, args);
    }
}
