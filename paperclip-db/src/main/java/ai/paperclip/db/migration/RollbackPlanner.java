package ai.paperclip.db.migration;

import ai.paperclip.db.introspect.AffectedRows;
import ai.paperclip.db.introspect.internal.RowCounter;
import ai.paperclip.db.migration.internal.HistoryReader;
import ai.paperclip.db.migration.internal.LiquibaseRunner;
import ai.paperclip.db.migration.internal.MigrationFailures;
import ai.paperclip.db.migration.internal.RollbackStatements;
import ai.paperclip.db.migration.internal.SourceCheck;
import ai.paperclip.schema.migration.CommittedMigrations;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rollbacks for {@link Migrator}: works out a {@link RollbackPlan} on the migration connection before anything
 * changes (the rollback SQL of each migration to undo, and the rows it would delete, counted with push's
 * {@link RowCounter}), then refuses it or runs it.
 */
final class RollbackPlanner {

    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);

    private RollbackPlanner() {
    }

    /**
     * Under the migration lock on {@code connection}: reads what is applied, lets {@code choose} pick the
     * migrations to undo (from the applied ones, oldest first), plans, refuses or rolls back.
     */
    static RollbackPlan run(Connection connection, MigrationSource source, List<CommittedMigrations> histories,
            Function<List<CommittedMigrations.Migration>, List<CommittedMigrations.Migration>> choose,
            RollbackOptions options, String where) throws SQLException {
        MigrationStatus status = HistoryReader.read(connection, histories);
        List<CommittedMigrations.Migration> undo = new ArrayList<>(choose.apply(histories.get(0).migrations().stream()
                .filter(m -> status.applied().contains(m.tag())).toList()));
        Collections.reverse(undo);
        List<String> control = SourceCheck.transactionControl(histories,
                undo.stream().map(CommittedMigrations.Migration::tag).toList(), true);
        if (!control.isEmpty()) {
            throw MigrationFailures.transactionControl(control, where, "roll back", List.of());
        }
        RollbackPlan plan = plan(connection, source, undo);
        if (options.dryRun()) {
            return plan; // with its counts; the caller sees from them what a real run would refuse
        }
        RollbackRefusedException refused = refusal(plan, options, where);
        if (refused != null) {
            throw refused;
        }
        if (plan.changesets() == 0) {
            return plan;
        }
        LiquibaseRunner.rollback(connection, source, plan.changesets());
        LOG.info("Rolled back {} on {}", String.join(", ", plan.migrations()), where);
        return plan.asApplied();
    }

    /** @param undo the migrations to undo, newest first */
    static RollbackPlan plan(Connection connection, MigrationSource source, List<CommittedMigrations.Migration> undo)
            throws SQLException {
        List<String> statements = new ArrayList<>();
        List<AffectedRows> affected = new ArrayList<>();
        List<String> noRollback = new ArrayList<>();
        List<String> structureOnly = new ArrayList<>();
        Set<String> counted = new LinkedHashSet<>();
        int changesets = 0;
        for (CommittedMigrations.Migration m : undo) {
            changesets += m.changesets().size();
            RollbackStatements rollback = RollbackStatements.of(read(source, m.fileName()));
            if (!rollback.everyChangesetHasRollback()) {
                noRollback.add(m.tag());
            }
            rollback.irreversible().forEach(note -> structureOnly.add(m.tag() + ": " + note));
            statements.add("-- " + m.tag());
            statements.addAll(rollback.statements());
            for (RollbackStatements.Drop drop : rollback.drops()) {
                if (!counted.add(drop.relation() + "." + drop.column())) {
                    continue;
                }
                AffectedRows rows = drop.column() == null
                        ? RowCounter.droppedTable(connection, drop.description(), drop.relation())
                        : RowCounter.droppedColumn(connection, drop.description(), drop.relation(), drop.column());
                if (rows.rows() > 0) {
                    affected.add(rows);
                }
            }
        }
        return new RollbackPlan(undo.stream().map(CommittedMigrations.Migration::tag).toList(), changesets, statements,
                affected, noRollback, structureOnly, false);
    }

    /** Why {@code plan} may not run with {@code options}, or {@code null} when it may. */
    static RollbackRefusedException refusal(RollbackPlan plan, RollbackOptions options, String where) {
        if (!plan.noRollback().isEmpty()) {
            return new RollbackRefusedException("Refusing to roll back " + where + ": " + String.join(", ", plan.noRollback())
                    + " cannot be undone (a changeset has no --rollback statements). Nothing was changed. Write a new"
                    + " migration that reverses it instead.", plan);
        }
        if (!plan.losesData() || options.force()) {
            return null;
        }
        List<String> reasons = new ArrayList<>();
        if (!plan.affected().isEmpty()) {
            reasons.add("its SQL would delete data: " + String.join("; ", plan.affected().stream()
                    .map(AffectedRows::line).toList()));
        }
        if (!plan.structureOnly().isEmpty()) {
            reasons.add("dropped data comes back as structure only, empty (" + String.join("; ", plan.structureOnly()) + ")");
        }
        return new RollbackRefusedException("Refusing to roll back " + String.join(", ", plan.migrations()) + " on "
                + where + ": " + String.join("; and ", reasons) + ". Nothing was changed. Back the data up first, then"
                + " roll back with force (RollbackOptions.force, paperclip-migrate rollback --force); a dry run"
                + " (--dry-run) prints the SQL and these counts.", plan);
    }

    private static String read(MigrationSource source, String fileName) {
        try {
            if (source.folder().isPresent()) {
                return Files.readString(source.folder().get().resolve(fileName), StandardCharsets.UTF_8);
            }
            String resource = source.location() + "/" + fileName;
            try (InputStream in = source.classLoader().orElseThrow().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("no resource " + resource);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + fileName + " of " + source + ": " + e.getMessage(), e);
        }
    }
}
