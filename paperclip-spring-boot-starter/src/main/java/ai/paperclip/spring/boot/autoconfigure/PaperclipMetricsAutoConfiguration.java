package ai.paperclip.spring.boot.autoconfigure;

import ai.paperclip.db.PaperclipDb;
import ai.paperclip.spring.boot.PaperclipMetrics;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Paperclip's meters ({@link PaperclipMetrics}), when Micrometer is present; Boot binds every {@code MeterBinder} to
 * its registry. HikariCP's own meters come from Boot's {@code DataSourcePoolMetricsAutoConfiguration}.
 */
@AutoConfiguration(after = {PaperclipAutoConfiguration.class, PaperclipDataSourceAutoConfiguration.class})
@ConditionalOnClass(MeterBinder.class)
@ConditionalOnBean(PaperclipDb.class)
public class PaperclipMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public PaperclipMetrics paperclipMetrics(PaperclipDb paperclipDb) {
        return new PaperclipMetrics(paperclipDb);
    }
}
