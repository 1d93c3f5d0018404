package ai.paperclip.spring.boot.autoconfigure;

import com.zaxxer.hikari.HikariConfig;

/**
 * Changes the configuration of the starter's own HikariCP pool before it starts (Boot's pool, with
 * {@code spring.datasource.url}, is configured with {@code spring.datasource.hikari.*} instead). Declare one as a
 * bean; they run in {@code @Order}.
 */
@FunctionalInterface
public interface PaperclipPoolCustomizer {

    void customize(HikariConfig config);
}
