package ai.paperclip.schema.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Shared checks and copies for the model records. */
final class Models {

    /** PostgreSQL's identifier limit (NAMEDATALEN - 1), in bytes. */
    static final int MAX_IDENTIFIER_BYTES = 63;

    private Models() {
    }

    static void requireName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A " + what + " needs a name");
        }
    }

    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    static <T> List<T> nonEmptyCopy(List<T> list, String owner) {
        if (list == null || list.isEmpty()) {
            throw new IllegalArgumentException("The " + owner + " needs at least one column");
        }
        return List.copyOf(list);
    }

    static <T> List<T> sortedCopy(List<T> list, Comparator<? super T> order) {
        if (list == null) {
            return List.of();
        }
        List<T> sorted = new ArrayList<>(list);
        sorted.sort(order);
        return List.copyOf(sorted);
    }

    static <T> void requireUniqueNames(List<T> items, Function<T, String> name, String what, String owner) {
        Set<String> seen = new HashSet<>();
        for (T item : items) {
            if (!seen.add(name.apply(item))) {
                throw new IllegalArgumentException("Duplicate " + what + " " + name.apply(item) + " in " + owner);
            }
        }
    }
}
