package ai.paperclip.schema.model;

import java.util.List;

/**
 * A primary key, single or composite.
 *
 * @param name the constraint name ({@code <table>_pkey} by default)
 * @param columns the key columns in order
 */
public record PrimaryKeyModel(String name, List<String> columns) {

    public PrimaryKeyModel {
        Models.requireName(name, "primary key");
        columns = Models.nonEmptyCopy(columns, "primary key " + name);
    }
}
