package ai.paperclip.schema.migration.internal;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which type changes keep every value, and which rewrite the table. Anything not known to widen counts
 * as narrowing: the diff needs an {@code allow type change} decision for it. Anything not known to be
 * binary coercible counts as a rewrite. Types are in {@code format_type} form.
 */
public final class TypeChanges {

    private static final Map<String, Set<String>> WIDER = Map.of(
            "smallint", Set.of("integer", "bigint", "numeric", "text"),
            "integer", Set.of("bigint", "numeric", "text"),
            "bigint", Set.of("numeric", "text"),
            "real", Set.of("double precision", "text"),
            "character varying", Set.of("text"),
            "text", Set.of("character varying"),
            "uuid", Set.of("text"),
            "boolean", Set.of("text"));

    private static final Pattern VARCHAR = Pattern.compile("character varying\\((\\d+)\\)");
    private static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d+),(\\d+)\\)");

    private TypeChanges() {
    }

    /** Whether every value of {@code from} converts to {@code to} without loss. */
    public static boolean isWidening(String from, String to) {
        if (from.equals(to) || WIDER.getOrDefault(from, Set.of()).contains(to)) {
            return true;
        }
        Matcher f = VARCHAR.matcher(from);
        if (f.matches()) {
            Matcher t = VARCHAR.matcher(to);
            return to.equals("text") || to.equals("character varying")
                    || t.matches() && Integer.parseInt(t.group(1)) >= Integer.parseInt(f.group(1));
        }
        f = NUMERIC.matcher(from);
        if (f.matches()) {
            if (to.equals("numeric")) {
                return true;
            }
            Matcher t = NUMERIC.matcher(to);
            if (!t.matches()) {
                return false;
            }
            int fromScale = Integer.parseInt(f.group(2));
            int toScale = Integer.parseInt(t.group(2));
            int fromDigits = Integer.parseInt(f.group(1)) - fromScale;
            int toDigits = Integer.parseInt(t.group(1)) - toScale;
            return toScale >= fromScale && toDigits >= fromDigits;
        }
        return false;
    }

    /**
     * Whether PostgreSQL rewrites the table (and rebuilds its indexes) for this change, under an
     * {@code ACCESS EXCLUSIVE} lock. It does not where the old bytes are valid for the new type: text and
     * varchar to each other or to a longer length limit, numeric to a higher precision with the same scale
     * or to unconstrained numeric. {@code integer} to {@code bigint} rewrites.
     */
    public static boolean rewrites(String from, String to) {
        if (from.equals(to)) {
            return false;
        }
        boolean unlimitedText = to.equals("text") || to.equals("character varying");
        if ((from.equals("text") || from.equals("character varying")) && unlimitedText) {
            return false;
        }
        Matcher f = VARCHAR.matcher(from);
        if (f.matches()) {
            Matcher t = VARCHAR.matcher(to);
            return !(unlimitedText || t.matches() && Integer.parseInt(t.group(1)) >= Integer.parseInt(f.group(1)));
        }
        f = NUMERIC.matcher(from);
        if (f.matches()) {
            Matcher t = NUMERIC.matcher(to);
            return !(to.equals("numeric") || t.matches() && t.group(2).equals(f.group(2))
                    && Integer.parseInt(t.group(1)) >= Integer.parseInt(f.group(1)));
        }
        return true;
    }
}
