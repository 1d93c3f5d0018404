package ai.paperclip.db.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.paperclip.db.InvalidOptionException;
import ai.paperclip.db.PaperclipDbOptions;
import com.zaxxer.hikari.HikariConfig;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PoolFactoryTest {

    private static final PaperclipDbOptions NO_PREPARED = PaperclipDbOptions.builder().preparedStatements(false).build();

    @Test
    void turnsPreparedStatementsOffWithPrepareThresholdZero() {
        Properties p = PoolFactory.driverProperties(ConnectionUrls.parse("postgres://a:pw@h/d"), NO_PREPARED);

        assertThat(p).containsEntry("prepareThreshold", "0");
        assertThat(PoolFactory.driverProperties(ConnectionUrls.parse("postgres://a:pw@h/d"),
                PaperclipDbOptions.defaults())).doesNotContainKey("prepareThreshold");
    }

    @Test
    void refusesAJdbcUrlWhosePrepareThresholdWouldSilentlyWin() {
        assertThatThrownBy(() -> PoolFactory.driverProperties(
                ConnectionUrls.parse("jdbc:postgresql://h/d?password=hunter2&prepareThreshold=5"), NO_PREPARED))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining("sets prepareThreshold=5")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void choosesTheApplicationNameFromOptionsThenUrlThenDefault() {
        ConnectionTarget withName = ConnectionUrls.parse("postgres://a@h/d?application_name=from-url");

        assertThat(PoolFactory.driverProperties(withName, PaperclipDbOptions.builder().applicationName("opt").build()))
                .containsEntry("ApplicationName", "opt");
        assertThat(PoolFactory.driverProperties(withName, PaperclipDbOptions.defaults()))
                .containsEntry("ApplicationName", "from-url");
        assertThat(PoolFactory.driverProperties(ConnectionUrls.parse("postgres://a@h/d"), PaperclipDbOptions.defaults()))
                .containsEntry("ApplicationName", "paperclip");
    }

    @Test
    void boundsTheDriverLoginByTheConnectTimeoutUnlessTheUrlSetsOne() {
        PaperclipDbOptions fiveSeconds = PaperclipDbOptions.builder().connectTimeout(Duration.ofMillis(4500)).build();

        assertThat(PoolFactory.driverProperties(ConnectionUrls.parse("postgres://a@h/d"), fiveSeconds))
                .containsEntry("connectTimeout", "5").containsEntry("loginTimeout", "5");
        assertThat(PoolFactory.driverProperties(ConnectionUrls.parse("postgres://a@h/d?connect_timeout=2"), fiveSeconds))
                .containsEntry("connectTimeout", "2");
    }

    @Test
    void configuresThePoolFromTheOptions() {
        HikariConfig config = PoolFactory.config(ConnectionUrls.parse("postgres://a:pw@h/d"),
                PaperclipDbOptions.builder().poolMax(4).poolName("orders").idleTimeout(Duration.ofHours(1)).build());

        assertThat(config.getMaximumPoolSize()).isEqualTo(4);
        assertThat(config.getPoolName()).isEqualTo("orders");
        assertThat(config.getConnectionTimeout()).isEqualTo(30_000);
        assertThat(config.getIdleTimeout()).isEqualTo(3_600_000);
        // HikariCP ignores an idle timeout that is not below the max lifetime: the lifetime makes room.
        assertThat(config.getMaxLifetime()).isGreaterThan(config.getIdleTimeout());
        // HikariCP logs its configuration: the data source shows only the redacted URL.
        assertThat(config.getDataSource()).hasToString("pgJDBC postgres://a:***@h/d");
        assertThat(config.getDataSourceProperties()).isEmpty();
    }
}
