package ai.paperclip.schema;

import ai.paperclip.schema.model.IndexModel;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An immutable index definition, made by {@link Table#index} or {@link Table#uniqueIndex}. Each
 * method returns a new definition and makes it the table's definition of that index.
 *
 * <p>Expressions and predicates are SQL as PostgreSQL prints them ({@code pg_get_expr}), e.g.
 * {@code (status <> 'terminated'::text)}, so that the model compares exactly with a live catalog.
 */
public final class Index {

    private final Table table;
    private final int slot;
    private final String name;
    private final boolean unique;
    private final String method;
    private final List<IndexPart.Element> parts;
    private final String where;

    Index(Table table, int slot, String name, boolean unique) {
        this(table, slot, name, unique, "btree", List.of(), null);
    }

    private Index(Table table, int slot, String name, boolean unique, String method,
                  List<IndexPart.Element> parts, String where) {
        this.table = table;
        this.slot = slot;
        this.name = name;
        this.unique = unique;
        this.method = method;
        this.parts = parts;
        this.where = where;
    }

    /** The indexed columns and expressions, in order. */
    public Index on(IndexPart... parts) {
        if (parts.length == 0) {
            throw table.error("index \"" + name + "\" needs at least one column or expression");
        }
        List<IndexPart.Element> elements = Arrays.stream(parts).map(IndexPart.Element::of).toList();
        for (IndexPart.Element element : elements) {
            if (element.column() != null) {
                table.requireOwnColumn(element.column(), "index \"" + name + "\"");
            }
        }
        return replace(new Index(table, slot, name, unique, method, elements, where));
    }

    /** The access method ({@code gin}, {@code gist}, {@code hash}, {@code brin}; {@code btree} by default). */
    public Index using(String method) {
        Objects.requireNonNull(method, "method");
        return replace(new Index(table, slot, name, unique, method, parts, where));
    }

    /** The access method and the indexed parts: {@code using("gin", title.op("gin_trgm_ops"))}. */
    public Index using(String method, IndexPart... parts) {
        return using(method).on(parts);
    }

    /** A partial index: the predicate, without {@code WHERE}. */
    public Index where(String predicate) {
        if (predicate == null || predicate.isBlank()) {
            throw table.error("index \"" + name + "\" needs a predicate in where(...)");
        }
        return replace(new Index(table, slot, name, unique, method, parts, predicate));
    }

    public String name() {
        return name;
    }

    IndexModel model() {
        if (parts.isEmpty()) {
            throw table.error("index \"" + name + "\" has no columns; add them with on(...)");
        }
        return new IndexModel(name, unique, method, parts.stream().map(IndexPart.Element::model).toList(), where);
    }

    private Index replace(Index next) {
        table.replaceDefinition(slot, this, next);
        return next;
    }
}
