package ai.paperclip.spring.boot.autoconfigure;

import ai.paperclip.db.PaperclipDb;
import ai.paperclip.spring.boot.PaperclipHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/** The {@code paperclip} health indicator, when Boot's health support is present ({@code management.health.paperclip.enabled}). */
@AutoConfiguration(after = {PaperclipAutoConfiguration.class, PaperclipDataSourceAutoConfiguration.class})
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(PaperclipDb.class)
@ConditionalOnEnabledHealthIndicator("paperclip")
public class PaperclipHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "paperclipHealthIndicator")
    public PaperclipHealthIndicator paperclipHealthIndicator(PaperclipDb paperclipDb) {
        return new PaperclipHealthIndicator(paperclipDb);
    }
}
