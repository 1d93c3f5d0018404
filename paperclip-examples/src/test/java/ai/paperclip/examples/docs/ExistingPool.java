package ai.paperclip.examples.docs;

import ai.paperclip.db.PaperclipDb;
import ai.paperclip.db.PaperclipDbOptions;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** docs/spring-boot.md, docs/connections.md: Paperclip's database on a pool the application already has. */
final class ExistingPool {

    private ExistingPool() {
    }

    static int onTheApplicationsPool(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        try (HikariDataSource pool = new HikariDataSource(config)) {              // the application's own pool
            PaperclipDb db = PaperclipDb.create(pool, PaperclipDbOptions.defaults()); // checks and migrates on it
            int companies = db.dsl().fetchCount(ai.paperclip.db.jooq.Tables.COMPANIES);
            db.close();                                                        // leaves the pool open
            return companies;
        }
    }
}
