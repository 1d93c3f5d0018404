package ai.paperclip.examples.docs;

import ai.paperclip.db.PaperclipDb;
import ai.paperclip.db.introspect.ComparisonReport;
import ai.paperclip.db.introspect.DoctorCheck;
import ai.paperclip.db.introspect.DoctorChecks;
import ai.paperclip.db.introspect.PushOptions;
import ai.paperclip.db.introspect.PushResult;
import ai.paperclip.db.introspect.SchemaComparison;
import ai.paperclip.db.introspect.SchemaIntrospector;
import ai.paperclip.db.introspect.SchemaPush;
import ai.paperclip.schema.core.PaperclipSchema;
import ai.paperclip.schema.migration.CommittedMigrations;
import ai.paperclip.schema.model.SchemaModel;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** docs/introspection.md: the library calls behind the CLI's push, adopt and doctor. */
final class Introspecting {

    private static final Logger LOG = LoggerFactory.getLogger(Introspecting.class);

    private Introspecting() {
    }

    static List<DoctorCheck.Result> tour(PaperclipDb db, String url) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            SchemaModel live = SchemaIntrospector.introspect(c);            // or introspect(c, "app")
            ComparisonReport report = SchemaComparison.compare(c, CommittedMigrations.paperclip().schemaAfter("0000"));
            PushResult result = SchemaPush.push(c, PaperclipSchema.SCHEMA.model(),
                    PushOptions.builder().force(false).dryRun(true).build());
            LOG.info("{} tables, {}, {}", live.tables().size(), report, result);
        }
        List<DoctorCheck.Result> checks = DoctorChecks.standard().run(url);
        return checks;
    }
}
