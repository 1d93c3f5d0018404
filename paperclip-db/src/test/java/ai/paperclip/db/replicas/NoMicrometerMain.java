package ai.paperclip.db.replicas;

import ai.paperclip.db.DbHealth;
import ai.paperclip.db.PaperclipDb;
import ai.paperclip.db.PaperclipDbOptions;
import java.time.Duration;
import org.jooq.impl.DSL;

/** Run by {@link MonitoringIT} in a JVM whose class path lacks Micrometer: replicas and health work, no metrics. */
public final class NoMicrometerMain {

    private NoMicrometerMain() {
    }

    public static void main(String[] args) throws Exception {
        try {
            Class.forName("io.micrometer.core.instrument.MeterRegistry");
            System.out.println("MICROMETER PRESENT");
            System.exit(3);
        } catch (ClassNotFoundException expected) {
            // the point of this JVM
        }
        PaperclipDbOptions options = PaperclipDbOptions.builder().readUrl(args[1])
                .monitorInterval(Duration.ofMillis(100)).build();
        try (PaperclipDb db = PaperclipDb.create(args[0], options)) {
            boolean onReplica = db.<Boolean>read(ctx -> ctx.fetchValue(DSL.field("pg_is_in_recovery()", Boolean.class)));
            DbHealth health = db.health();
            System.out.println("OK replica=" + onReplica + " pools=" + health.pools().size()
                    + " inRotation=" + health.replicas().get(0).inRotation());
        }
    }
}
