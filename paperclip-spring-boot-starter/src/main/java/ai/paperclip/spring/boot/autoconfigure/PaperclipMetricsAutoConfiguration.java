package ai.paperclip.spring.boot.autoconfigure;

import ai.paperclip.db.PaperclipDb;
import ai.paperclip.spring.boot.PaperclipMetrics;
import ai.paperclip.spring.boot.internal.MeterRegistrySource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Paperclip's meters in Boot's registry, when Micrometer is present: the library's own gauges (server connections,
 * replicas) through {@code PaperclipDbOptions.meterRegistry}, the migration gauges ({@link PaperclipMetrics}) as a
 * {@code MeterBinder}. HikariCP's meters: the library registers them on the starter's own pool; Boot's
 * {@code DataSourcePoolMetricsAutoConfiguration} on any other HikariCP pool.
 */
@AutoConfiguration(after = {PaperclipAutoConfiguration.class, PaperclipDataSourceAutoConfiguration.class})
@ConditionalOnClass(MeterBinder.class)
@ConditionalOnBean(PaperclipDb.class)
public class PaperclipMetricsAutoConfiguration {

    /** Hands Boot's (primary) registry to the options of the {@code PaperclipDb} bean. */
    @Bean
    public MeterRegistrySource paperclipMeterRegistrySource(ObjectProvider<MeterRegistry> registry) {
        return registry::getIfAvailable;
    }

    @Bean
    @ConditionalOnMissingBean
    public PaperclipMetrics paperclipMetrics(PaperclipDb paperclipDb) {
        return new PaperclipMetrics(paperclipDb);
    }
}
