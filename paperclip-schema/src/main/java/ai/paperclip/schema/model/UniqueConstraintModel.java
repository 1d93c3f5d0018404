package ai.paperclip.schema.model;

import java.util.List;

/**
 * A {@code UNIQUE} table constraint. (A unique index, partial or on expressions, is an
 * {@link IndexModel} with {@code unique = true}.)
 *
 * @param name the constraint name
 * @param columns the columns, in order
 * @param nullsNotDistinct whether {@code NULLS NOT DISTINCT} applies (PostgreSQL 15+)
 */
public record UniqueConstraintModel(String name, List<String> columns, boolean nullsNotDistinct) {

    public UniqueConstraintModel {
        Models.requireName(name, "unique constraint");
        columns = Models.nonEmptyCopy(columns, "unique constraint " + name);
    }
}
