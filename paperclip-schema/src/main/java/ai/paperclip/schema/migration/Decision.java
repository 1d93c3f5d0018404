package ai.paperclip.schema.migration;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One explicit decision that the generator will not take by itself: a rename, or permission for a
 * change that loses data. Decisions are written one per line in the migrations folder's
 * {@value Decisions#FILE_NAME}:
 *
 * <pre>
 * rename table agents -> workers
 * rename column workers.title -> workers.job_title
 * allow drop table legacy_runs
 * allow drop column issues.old_flag
 * allow type change issues.priority
 * allow not null column issues.owner_id
 * </pre>
 *
 * Column decisions name the table by its new name (after any table rename).
 *
 * @param kind what is decided
 * @param table the table (for a table rename: its old name)
 * @param column the column, or {@code null} for a table decision (for a column rename: its old name)
 * @param newName the new name of a renamed table or column, else {@code null}
 */
public record Decision(Kind kind, String table, String column, String newName) {

    private static final String NAME = "([A-Za-z_][A-Za-z0-9_$]*)";
    private static final String ARROW = "\\s*(?:->|→)\\s*";
    private static final Pattern RENAME_TABLE = Pattern.compile("rename table " + NAME + ARROW + NAME);
    private static final Pattern RENAME_COLUMN =
            Pattern.compile("rename column " + NAME + "\\." + NAME + ARROW + NAME + "\\." + NAME);
    private static final Pattern ALLOW_TABLE = Pattern.compile("allow drop table " + NAME);
    private static final Pattern ALLOW_COLUMN =
            Pattern.compile("allow (drop column|type change|not null column) " + NAME + "\\." + NAME);

    /** The kinds of decision. */
    public enum Kind {
        RENAME_TABLE, RENAME_COLUMN, ALLOW_DROP_TABLE, ALLOW_DROP_COLUMN, ALLOW_TYPE_CHANGE, ALLOW_NOT_NULL_COLUMN
    }

    public Decision {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(table, "table");
    }

    public static Decision renameTable(String from, String to) {
        return new Decision(Kind.RENAME_TABLE, from, null, to);
    }

    public static Decision renameColumn(String table, String from, String to) {
        return new Decision(Kind.RENAME_COLUMN, table, from, to);
    }

    public static Decision allowDropTable(String table) {
        return new Decision(Kind.ALLOW_DROP_TABLE, table, null, null);
    }

    public static Decision allowDropColumn(String table, String column) {
        return new Decision(Kind.ALLOW_DROP_COLUMN, table, column, null);
    }

    /** Allows a type change that may not keep every value (anything but a known widening). */
    public static Decision allowTypeChange(String table, String column) {
        return new Decision(Kind.ALLOW_TYPE_CHANGE, table, column, null);
    }

    /** Allows adding a NOT NULL column without a default to an existing table (it fails on a table with rows). */
    public static Decision allowNotNullColumn(String table, String column) {
        return new Decision(Kind.ALLOW_NOT_NULL_COLUMN, table, column, null);
    }

    /** The line of the decisions file that states this decision. */
    public String line() {
        switch (kind) {
            case RENAME_TABLE: return "rename table " + table + " -> " + newName;
            case RENAME_COLUMN: return "rename column " + table + "." + column + " -> " + table + "." + newName;
            case ALLOW_DROP_TABLE: return "allow drop table " + table;
            case ALLOW_DROP_COLUMN: return "allow drop column " + table + "." + column;
            case ALLOW_TYPE_CHANGE: return "allow type change " + table + "." + column;
            default: return "allow not null column " + table + "." + column;
        }
    }

    /**
     * Parses one line of a decisions file (without comments).
     *
     * @throws IllegalArgumentException naming the accepted forms when the line is not one of them
     */
    public static Decision parse(String line) {
        String text = line.strip().replaceAll("\\s+", " ");
        Matcher m = RENAME_TABLE.matcher(text);
        if (m.matches()) {
            return renameTable(m.group(1), m.group(2));
        }
        m = RENAME_COLUMN.matcher(text);
        if (m.matches()) {
            if (!m.group(1).equals(m.group(3))) {
                throw new IllegalArgumentException("'" + line + "' moves a column between tables; a column rename keeps"
                        + " its table: rename column " + m.group(3) + "." + m.group(2) + " -> " + m.group(3) + "." + m.group(4));
            }
            return renameColumn(m.group(1), m.group(2), m.group(4));
        }
        m = ALLOW_TABLE.matcher(text);
        if (m.matches()) {
            return allowDropTable(m.group(1));
        }
        m = ALLOW_COLUMN.matcher(text);
        if (m.matches()) {
            String table = m.group(2);
            String column = m.group(3);
            switch (m.group(1).toLowerCase(Locale.ROOT)) {
                case "drop column": return allowDropColumn(table, column);
                case "type change": return allowTypeChange(table, column);
                default: return allowNotNullColumn(table, column);
            }
        }
        throw new IllegalArgumentException("'" + line + "' is not a decision. Write one of: rename table a -> b;"
                + " rename column t.a -> t.b; allow drop table t; allow drop column t.c; allow type change t.c;"
                + " allow not null column t.c");
    }

    @Override
    public String toString() {
        return line();
    }
}
