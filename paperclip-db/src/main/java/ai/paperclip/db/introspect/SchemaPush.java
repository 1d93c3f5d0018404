package ai.paperclip.db.introspect;

import ai.paperclip.db.internal.ServerVersionCheck;
import ai.paperclip.db.introspect.internal.PushScope;
import ai.paperclip.db.introspect.internal.RowCounter;
import ai.paperclip.db.introspect.internal.SearchPath;
import ai.paperclip.schema.migration.Decision;
import ai.paperclip.schema.migration.SchemaChange;
import ai.paperclip.schema.migration.SchemaDiff;
import ai.paperclip.schema.migration.UndecidedChange;
import ai.paperclip.schema.migration.UndecidedChangesException;
import ai.paperclip.schema.model.SchemaModel;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a live schema match the definitions directly, without a migration (for development, like
 * {@code drizzle-kit push}): introspect, diff live to definitions with the migration generator's
 * {@link SchemaDiff}, count the rows the risky changes affect, apply everything in one transaction.
 *
 * <p>Scope: push manages the tables the definitions define, plus tables a decision names; other
 * tables and extensions are never touched (docs/introspection.md, "Push"). Renames are never guessed: without a
 * {@code rename} decision a renamed column is a drop and an add, and {@link PushResult#hints()}
 * says which decision would keep its values. A change that loses data on existing rows needs
 * {@link PushOptions#force()}; a change the existing rows make impossible (a new NOT NULL on rows
 * holding NULL) is refused even with it. Push records no migration history: a pushed database must
 * be adopted or reset before migrations are used on it.
 *
 * <pre>{@code
 * try (Connection c = db.dataSource().getConnection()) {
 *     PushResult result = SchemaPush.push(c, PaperclipSchema.SCHEMA.model(), PushOptions.defaults());
 * }
 * }</pre>
 */
public final class SchemaPush {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaPush.class);
    private static final Set<Decision.Kind> TAKEN_BY_PUSH = Set.of(Decision.Kind.ALLOW_DROP_COLUMN,
            Decision.Kind.ALLOW_TYPE_CHANGE, Decision.Kind.ALLOW_NOT_NULL_COLUMN);

    private SchemaPush() {
    }

    /**
     * Pushes {@code definitions} into the connection's database. The caller owns the connection;
     * its auto-commit and search path are restored afterwards.
     *
     * @return the plan, with {@link PushResult#applied()} true unless it was a dry run or there was nothing to do.
     *     A dry run returns the plan with its counts even when a real push would be refused
     *     ({@link PushResult#losesData()}, {@link AffectedRows.Kind#BLOCKING})
     * @throws PushRefusedException when data would be lost without {@code force}, when the rows make a
     *     change impossible, or when a table would be dropped without a decision; nothing changed
     * @throws PushFailedException when a statement failed; everything was rolled back
     * @throws IntrospectionException when the live schema or the counts cannot be read
     */
    public static PushResult push(Connection connection, SchemaModel definitions, PushOptions options) {
        try {
            ServerVersionCheck.require(connection, "the connection's database");
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (SearchPath ignored = SearchPath.set(connection, options.schema())) {
                PushResult result = plan(connection, definitions, options);
                if (!options.dryRun()) {
                    refuseIfNeeded(result, options);
                }
                if (options.dryRun() || result.upToDate()) {
                    connection.rollback();
                    return result;
                }
                apply(connection, result.statements());
                connection.commit();
                LOG.info("Pushed {} changes ({} statements) into schema {}", result.changes().size(),
                        result.statements().size(), options.schema());
                return new PushResult(result.changes(), result.statements(), result.affected(), result.hints(), true);
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IntrospectionException("Push into schema \"" + options.schema() + "\" failed: " + e.getMessage(),
                    e.getSQLState(), e);
        }
    }

    private static PushResult plan(Connection connection, SchemaModel definitions, PushOptions options)
            throws SQLException {
        SchemaModel live = PushScope.restrict(SchemaIntrospector.introspect(connection, options.schema()),
                definitions, options.decisions());
        List<String> hints = new ArrayList<>();
        List<SchemaChange> changes;
        try {
            changes = SchemaDiff.between(live, definitions, options.decisions(), change -> take(change, hints), false);
        } catch (UndecidedChangesException e) {
            StringBuilder text = new StringBuilder("Push changed nothing: it does not guess these changes; push again"
                    + " with the decision you mean for each:");
            for (UndecidedChange change : e.changes()) {
                text.append("\n- ").append(change.description());
                change.options().forEach(o -> text.append("\n    ").append(o.line()));
            }
            throw new PushRefusedException(text.toString(), null, e);
        }
        List<String> statements = changes.stream().flatMap(c -> c.forward().stream()).toList();
        List<AffectedRows> affected = RowCounter.count(connection, changes);
        return new PushResult(changes, statements, affected, hints, false);
    }

    /** Push's own answer to a change the diff will not make alone: the {@code allow} for column changes. */
    private static Optional<Decision> take(UndecidedChange change, List<String> hints) {
        for (Decision option : change.options()) {
            if (option.kind() == Decision.Kind.RENAME_COLUMN || option.kind() == Decision.Kind.RENAME_TABLE) {
                hints.add("If " + option.table() + (option.column() == null ? "" : "." + option.column())
                        + " was renamed to " + option.newName() + ", push with the decision '" + option.line()
                        + "' to keep its data.");
            }
        }
        return change.options().stream().filter(o -> TAKEN_BY_PUSH.contains(o.kind())).findFirst();
    }

    private static void refuseIfNeeded(PushResult plan, PushOptions options) {
        List<AffectedRows> blocking = plan.affected().stream().filter(a -> a.kind() == AffectedRows.Kind.BLOCKING).toList();
        List<AffectedRows> losing = plan.affected().stream().filter(a -> a.kind() == AffectedRows.Kind.DATA_LOSS).toList();
        if (!blocking.isEmpty()) {
            throw new PushRefusedException(message("Push changed nothing: the existing rows make "
                    + (blocking.size() == 1 ? "a change" : blocking.size() + " changes") + " impossible", blocking,
                    "Fix the data or the definitions, then push again.", plan), plan, null);
        }
        if (!losing.isEmpty() && !options.force()) {
            throw new PushRefusedException(message("Push changed nothing: " + (losing.size() == 1 ? "a change loses"
                    : losing.size() + " changes lose") + " data", losing,
                    "Push again with force to apply it anyway" + (plan.hints().isEmpty() ? "." : ", or:"), plan), plan, null);
        }
    }

    private static String message(String head, List<AffectedRows> rows, String fix, PushResult plan) {
        StringBuilder text = new StringBuilder(head).append(':');
        rows.forEach(r -> text.append("\n- ").append(r.line()));
        text.append('\n').append(fix);
        plan.hints().forEach(h -> text.append("\n  ").append(h));
        return text.toString();
    }

    private static void apply(Connection connection, List<String> statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                try {
                    statement.execute(sql);
                } catch (SQLException e) {
                    throw new PushFailedException("Push rolled back, nothing changed: " + e.getMessage()
                            + " in statement: " + sql, e.getSQLState(), e);
                }
            }
        }
    }
}
