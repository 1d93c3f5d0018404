package ai.paperclip.db.trace;

import ai.paperclip.db.PaperclipDbException;
import ai.paperclip.db.internal.ConnectionTarget;
import ai.paperclip.db.internal.ConnectionUrls;
import ai.paperclip.db.migration.MigrationSource;
import ai.paperclip.db.trace.internal.TraceRunner;
import ai.paperclip.schema.lint.MigrationScript;
import ai.paperclip.schema.migration.CommittedMigrations;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proves what the pending migrations of a database would lock, before they run on it: applies them to a
 * throwaway copy ({@code CREATE DATABASE … TEMPLATE} of the target: same schema, history and rows) one
 * statement at a time, while a writer and a reader per touched table run against the copy. Per statement it
 * records the table locks taken ({@code pg_locks}), how long the writers and readers waited on them, and
 * whether a table was rewritten (its {@code relfilenode} changed); the copy is dropped at the end.
 *
 * <pre>{@code
 * TraceReport report = MigrationTrace.configure().url(stagingUrl).threshold(Duration.ofMillis(500)).run();
 * LOG.info(report.text());
 * }</pre>
 *
 * <p>PostgreSQL copies a database only while no other session is connected to it: trace a staging
 * database or a restored backup, not the live one; or give an existing copy with {@link Builder#scratch}.
 */
public final class MigrationTrace {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationTrace.class);
    private static final Pattern DATABASE = Pattern.compile("^(jdbc:postgresql://[^/]*/)([^?]*)(.*)$");

    private final Builder b;

    private MigrationTrace(Builder b) {
        this.b = b;
    }

    public static Builder configure() {
        return new Builder();
    }

    /**
     * Traces every pending changeset of the sources on a copy of the target, then drops the copy.
     *
     * @throws PaperclipDbException when the copy cannot be made (sessions connected, no CREATEDB) or a
     *     statement fails; the message says which and what to do
     */
    public TraceReport run() {
        ConnectionTarget target = ConnectionUrls.parse(b.url);
        if (b.scratch != null) {
            ConnectionTarget scratch = ConnectionUrls.parse(b.scratch);
            return trace(() -> connect(scratch.jdbcUrl(), scratch), scratch.redactedUrl());
        }
        String source;
        try (Connection c = connect(target.jdbcUrl(), target); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_database()")) {
            rs.next();
            source = rs.getString(1);
        } catch (SQLException e) {
            throw new PaperclipDbException("Cannot read the target of the trace, " + target.redactedUrl() + ": "
                    + e.getMessage(), e.getSQLState(), e);
        }
        String copy = (source.length() > 40 ? source.substring(0, 40) : source) + "_trace_" + System.currentTimeMillis();
        String copyUrl = withDatabase(target.jdbcUrl(), copy);
        try (Connection admin = connect(withDatabase(target.jdbcUrl(), "postgres"), target); Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + quote(copy) + " TEMPLATE " + quote(source));
        } catch (SQLException e) {
            throw new PaperclipDbException("Cannot copy " + target.redactedUrl() + " for the trace: " + e.getMessage()
                    + ". PostgreSQL copies a database only while no other session is connected to it, and the user"
                    + " needs CREATEDB: trace a staging database or a restored backup, or give a copy with --scratch.",
                    e.getSQLState(), e);
        }
        try {
            return trace(() -> connect(copyUrl, target), target.redactedUrl() + " (copy " + copy + ")");
        } finally {
            try (Connection admin = connect(withDatabase(target.jdbcUrl(), "postgres"), target); Statement s = admin.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + quote(copy) + " WITH (FORCE)");
            } catch (SQLException e) {
                LOG.warn("Could not drop the trace's copy {}: {}; drop it by hand", copy, e.getMessage());
            }
        }
    }

    private TraceReport trace(Supplier<Connection> sessions, String where) {
        try (TraceRunner runner = new TraceRunner(sessions)) {
            List<TraceRunner.Pending> pending = pending(sessions);
            LOG.info("Tracing {} pending changeset{} on {}", pending.size(), pending.size() == 1 ? "" : "s", where);
            return new TraceReport(b.threshold, runner.run(pending));
        } catch (PaperclipDbException e) {
            throw e;
        } catch (Exception e) {
            throw new PaperclipDbException("The trace on " + where + " failed: " + e.getMessage(),
                    e instanceof SQLException s ? s.getSQLState() : null, e);
        }
    }

    /** The changesets not in the copy's history, in order, with their statements. */
    private List<TraceRunner.Pending> pending(Supplier<Connection> sessions) throws SQLException {
        Set<String> applied = new HashSet<>();
        try (Connection c = sessions.get()) {
            DatabaseMetaData meta = c.getMetaData();
            try (ResultSet t = meta.getTables(null, null, "databasechangelog", null)) {
                if (t.next()) {
                    try (Statement s = c.createStatement();
                            ResultSet rs = s.executeQuery("SELECT filename, author, id FROM databasechangelog")) {
                        while (rs.next()) {
                            applied.add(rs.getString(1) + "::" + rs.getString(2) + ":" + rs.getString(3));
                        }
                    }
                }
            }
        }
        List<TraceRunner.Pending> pending = new ArrayList<>();
        for (MigrationSource source : b.sources) {
            CommittedMigrations history = source.read();
            for (CommittedMigrations.Migration m : history.migrations()) {
                for (MigrationScript.Changeset changeset : MigrationScript.changesets(read(source, m.fileName()))) {
                    if (!applied.contains(m.fileName() + "::" + changeset.qualifiedId())) {
                        pending.add(new TraceRunner.Pending(m.tag(), changeset));
                    }
                }
            }
        }
        return pending;
    }

    private static String read(MigrationSource source, String fileName) {
        try {
            if (source.folder().isPresent()) {
                return Files.readString(source.folder().get().resolve(fileName), StandardCharsets.UTF_8);
            }
            try (InputStream in = source.classLoader().orElseThrow().getResourceAsStream(source.location() + "/" + fileName)) {
                if (in == null) {
                    throw new PaperclipDbException("Cannot trace " + fileName + ": not found in " + source, null, null);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + fileName + " of " + source, e);
        }
    }

    private static Connection connect(String jdbcUrl, ConnectionTarget target) {
        try {
            return new Driver().connect(jdbcUrl, target.properties());
        } catch (SQLException e) {
            throw new PaperclipDbException("Cannot connect for the trace to " + target.redactedUrl() + ": " + e.getMessage(),
                    e.getSQLState(), e);
        }
    }

    static String withDatabase(String jdbcUrl, String database) {
        Matcher m = DATABASE.matcher(jdbcUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("Cannot tell the database of the trace's target from its URL");
        }
        return m.group(1) + database + m.group(3);
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** Configures a {@link MigrationTrace}; not thread-safe. */
    public static final class Builder {

        /** Default: a statement may block writers this long. */
        public static final Duration DEFAULT_THRESHOLD = Duration.ofSeconds(1);

        private String url;
        private String scratch;
        private List<MigrationSource> sources = List.of(MigrationSource.paperclip());
        private Duration threshold = DEFAULT_THRESHOLD;

        private Builder() {
        }

        /** The database whose pending migrations are traced (copied, never changed). */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        /** An existing copy to trace on instead of making one (it is changed and not dropped). */
        public Builder scratch(String scratchUrl) {
            this.scratch = scratchUrl;
            return this;
        }

        /** The histories, in the order they apply; Paperclip's own by default. */
        public Builder migrations(List<MigrationSource> sources) {
            this.sources = List.copyOf(sources);
            return this;
        }

        /** The longest a statement may block the load's writers; zero fails any statement that blocks them. */
        public Builder threshold(Duration threshold) {
            if (threshold == null || threshold.isNegative()) {
                throw new IllegalArgumentException("threshold must be zero or positive, got " + threshold);
            }
            this.threshold = threshold;
            return this;
        }

        public MigrationTrace build() {
            if (url == null && scratch == null) {
                throw new IllegalStateException("MigrationTrace needs url(...) (the target) or scratch(...)");
            }
            if (url == null) {
                url = scratch;
            }
            Objects.requireNonNull(sources);
            return new MigrationTrace(this);
        }

        /** {@link #build()} then {@link MigrationTrace#run()}. */
        public TraceReport run() {
            return build().run();
        }
    }
}
