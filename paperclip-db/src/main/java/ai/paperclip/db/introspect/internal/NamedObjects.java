package ai.paperclip.db.introspect.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Compares one kind of named table object (foreign keys, unique constraints, checks, indexes) by
 * name and by definition, where the definition is the DDL that creates it minus its name. A missing
 * object whose definition exists under another name is pointed out: migrations refer to objects by
 * name, so it must be renamed, not ignored.
 */
final class NamedObjects {

    private final String table;
    private final BiConsumer<String, String> fail;
    private final BiConsumer<String, String> warn;

    NamedObjects(String table, BiConsumer<String, String> fail, BiConsumer<String, String> warn) {
        this.table = table;
        this.fail = fail;
        this.warn = warn;
    }

    <T> NamedObjects compare(String kind, List<T> live, List<T> expected, Function<T, String> name,
            Function<T, String> ddl) {
        for (T wanted : expected) {
            String object = kind + " " + name.apply(wanted) + " on " + table;
            Optional<T> found = live.stream().filter(o -> name.apply(o).equals(name.apply(wanted))).findFirst();
            if (found.isPresent()) {
                String is = ddl.apply(found.get());
                String should = ddl.apply(wanted);
                if (!is.equals(should)) {
                    fail.accept(object, "differs: is " + is + ", expected " + should);
                }
                continue;
            }
            String definition = withoutName(ddl.apply(wanted), name.apply(wanted));
            Optional<T> sameDefinition = live.stream()
                    .filter(o -> withoutName(ddl.apply(o), name.apply(o)).equals(definition)).findFirst();
            fail.accept(object, "missing (expected " + ddl.apply(wanted) + ")"
                    + sameDefinition.map(o -> "; the same definition exists as " + name.apply(o) + ": rename it").orElse(""));
        }
        for (T extra : live) {
            if (expected.stream().noneMatch(o -> name.apply(o).equals(name.apply(extra)))) {
                warn.accept(kind + " " + name.apply(extra) + " on " + table, "not defined by the schema");
            }
        }
        return this;
    }

    /** The DDL with the object's own name blanked, so definitions compare regardless of names. */
    private static String withoutName(String ddl, String name) {
        return ddl.replace(" " + name + " ", " ? ").replace(" \"" + name + "\" ", " ? ");
    }
}
