package ai.paperclip.db.introspect.internal;

import ai.paperclip.schema.migration.Decision;
import ai.paperclip.schema.migration.Decisions;
import ai.paperclip.schema.model.SchemaModel;
import java.util.HashSet;
import java.util.Set;

/**
 * The part of a live schema that push manages. A live database usually holds more than the
 * definitions (a host application's tables, Paperclip's tables outside the core set), and push must
 * not drop what it does not own. It manages:
 * <ul>
 *   <li>the tables the definitions define (made to match exactly: their extra columns, keys and
 *       indexes go);</li>
 *   <li>tables a decision names: the old name of a {@code rename table}, the table of an
 *       {@code allow drop table};</li>
 *   <li>the extensions the definitions declare (created if missing, never dropped).</li>
 * </ul>
 * Every other table and extension is left alone, as if it were not there.
 */
public final class PushScope {

    private PushScope() {
    }

    public static SchemaModel restrict(SchemaModel live, SchemaModel definitions, Decisions decisions) {
        Set<String> managed = new HashSet<>();
        definitions.tables().forEach(t -> managed.add(t.name()));
        for (Decision d : decisions.list()) {
            if (d.kind() == Decision.Kind.RENAME_TABLE || d.kind() == Decision.Kind.ALLOW_DROP_TABLE) {
                managed.add(d.table());
            }
        }
        return new SchemaModel(
                live.extensions().stream().filter(definitions.extensions()::contains).toList(),
                live.tables().stream().filter(t -> managed.contains(t.name())).toList());
    }
}
