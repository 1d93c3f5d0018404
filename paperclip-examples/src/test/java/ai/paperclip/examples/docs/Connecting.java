package ai.paperclip.examples.docs;

import ai.paperclip.db.DbHealth;
import ai.paperclip.db.PaperclipDb;
import ai.paperclip.db.PaperclipDbOptions;
import java.time.Duration;
import org.jooq.Record;
import org.jooq.Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** docs/connections.md, docs/troubleshooting.md: opening a database by URL or from the environment. */
final class Connecting {

    private static final Logger LOG = LoggerFactory.getLogger(Connecting.class);

    private Connecting() {
    }

    static DbHealth byUrl() {
        PaperclipDbOptions options = PaperclipDbOptions.fromEnvironment(System.getenv());
        try (PaperclipDb db = PaperclipDb.create(System.getenv("DATABASE_URL"), options)) {
            Result<Record> companies = db.dsl().fetch("select id, name from companies");
            DbHealth health = db.health();
            LOG.info("{} companies, {}", companies.size(), health);
            return health;
        }
    }

    static void fromTheEnvironment() {
        try (PaperclipDb db = PaperclipDb.fromEnvironment(System.getenv())) {   // embedded when nothing is set
            db.embeddedServer().ifPresent(server -> LOG.info("data in {}", server.dataDirectory()));
        }
    }

    static PaperclipDbOptions slowQueries() {
        PaperclipDbOptions options = PaperclipDbOptions.builder().slowQueryThreshold(Duration.ofMillis(200)).build(); // WARN on ai.paperclip.db.query
        return options;
    }
}
