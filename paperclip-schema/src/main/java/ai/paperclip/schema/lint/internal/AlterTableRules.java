package ai.paperclip.schema.lint.internal;

import static ai.paperclip.schema.lint.internal.Linter.IDENT;
import static ai.paperclip.schema.lint.internal.Linter.name;

import ai.paperclip.schema.lint.LintRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The rules on the actions of one {@code ALTER TABLE}; see {@link Linter}. */
final class AlterTableRules {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    private static final Pattern RENAME_TABLE = Pattern.compile("^RENAME\\s+TO\\s+(" + IDENT + ")", FLAGS);
    private static final Pattern RENAME_CONSTRAINT = Pattern.compile("^RENAME\\s+CONSTRAINT\\b", FLAGS);
    private static final Pattern RENAME_COLUMN = Pattern.compile("^RENAME\\s+(?:COLUMN\\s+)?(" + IDENT + ")\\s+TO\\s+(" + IDENT + ")", FLAGS);
    private static final Pattern DROP_CONSTRAINT = Pattern.compile("^DROP\\s+CONSTRAINT\\b", FLAGS);
    private static final Pattern DROP_COLUMN = Pattern.compile("^DROP\\s+(?:COLUMN\\s+)?(?:IF\\s+EXISTS\\s+)?(" + IDENT + ")", FLAGS);
    private static final Pattern ADD_VALIDATED = Pattern.compile(
            "^ADD\\s+(?:CONSTRAINT\\s+(" + IDENT + ")\\s+)?(FOREIGN\\s+KEY|CHECK)\\b(.*)$", FLAGS);
    private static final Pattern NOT_NULL_CHECK = Pattern.compile("^\\s*\\(+\\s*(" + IDENT + ")\\s+IS\\s+NOT\\s+NULL\\s*\\)+", FLAGS);
    private static final Pattern ADD_KEY = Pattern.compile(
            "^ADD\\s+(?:CONSTRAINT\\s+(" + IDENT + ")\\s+)?(UNIQUE|PRIMARY\\s+KEY)\\b(.*)$", FLAGS);
    private static final Pattern KEY_COLUMN = Pattern.compile("\\(\\s*(" + IDENT + ")");
    private static final Pattern VALIDATE = Pattern.compile("^VALIDATE\\s+CONSTRAINT\\s+(" + IDENT + ")", FLAGS);
    private static final Pattern SET_NOT_NULL = Pattern.compile("^ALTER\\s+(?:COLUMN\\s+)?(" + IDENT + ")\\s+SET\\s+NOT\\s+NULL\\b", FLAGS);
    private static final Pattern TYPE = Pattern.compile("^ALTER\\s+(?:COLUMN\\s+)?(" + IDENT + ")\\s+(?:SET\\s+DATA\\s+)?TYPE\\s+"
            + "(.+?)(?:\\s+(?:USING|COLLATE)\\b.*)?$", FLAGS);
    private static final Pattern ADD_COLUMN = Pattern.compile("^ADD\\s+(?:COLUMN\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?(" + IDENT
            + ")\\s+(.*)$", FLAGS);
    private static final Pattern SERIAL = Pattern.compile("^(?:small|big)?serial\\b", FLAGS);
    private static final Pattern DEFAULT = Pattern.compile("\\bDEFAULT\\s+(.*)$", FLAGS);
    /** Types whose old values never need rewriting when a text column changes to them. */
    private static final Set<String> NO_REWRITE = Set.of("text", "varchar", "character varying");

    private final Linter lint;

    AlterTableRules(Linter lint) {
        this.lint = lint;
    }

    void apply(String table, String actions, String statement) {
        boolean existing = lint.existing(table);
        boolean strong = false;
        for (String action : split(actions)) {
            Matcher m;
            if ((m = VALIDATE.matcher(action)).find()) {
                String proven = lint.notNullChecks.get(name(m.group(1)));
                if (proven != null) {
                    lint.provenNotNull.add(proven);
                }
                continue; // SHARE UPDATE EXCLUSIVE: reads and writes go on
            }
            strong = true;
            if (RENAME_CONSTRAINT.matcher(action).find() || DROP_CONSTRAINT.matcher(action).find()) {
                continue;
            }
            if ((m = RENAME_TABLE.matcher(action)).find()) {
                if (existing) {
                    breaking(table, "ALTER TABLE " + table + " RENAME TO " + name(m.group(1)) + " breaks the application"
                            + " version still running, which queries " + table);
                } else {
                    lint.created.add(name(m.group(1)));
                }
            } else if ((m = RENAME_COLUMN.matcher(action)).find()) {
                breaking(existing ? table : null, "RENAME COLUMN " + table + "." + name(m.group(1)) + " TO "
                        + name(m.group(2)) + " breaks the application version still running, which uses the old name");
            } else if ((m = DROP_COLUMN.matcher(action)).find()) {
                breaking(existing ? table : null, "DROP COLUMN " + table + "." + name(m.group(1)) + " breaks the"
                        + " application version still running if it reads or writes the column");
            } else if ((m = ADD_VALIDATED.matcher(action)).find()) {
                addValidated(table, existing, m);
            } else if ((m = ADD_KEY.matcher(action)).find()) {
                Matcher column = KEY_COLUMN.matcher(m.group(3));
                if (column.find()) {
                    lint.indexed(table, name(column.group(1)));
                }
                if (existing && !m.group(3).matches("(?is)\\s*USING\\s+INDEX\\b.*")) {
                    lint.report(LintRule.CREATE_INDEX_NOT_CONCURRENTLY, table, "ADD " + m.group(2).toUpperCase()
                            + " on existing table " + table + " builds its index under an ACCESS EXCLUSIVE lock (build it"
                            + " with CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ... USING INDEX)");
                }
            } else if ((m = SET_NOT_NULL.matcher(action)).find()) {
                String column = table + "." + name(m.group(1));
                if (existing && !lint.provenNotNull.contains(column)) {
                    lint.report(LintRule.SET_NOT_NULL_WITHOUT_CHECK, table, "SET NOT NULL on " + column + " scans existing"
                            + " table " + table + " under ACCESS EXCLUSIVE: no validated CHECK (" + name(m.group(1))
                            + " IS NOT NULL) precedes it in this migration");
                }
            } else if ((m = TYPE.matcher(action)).find()) {
                String type = m.group(2).strip().toLowerCase();
                if (existing && !NO_REWRITE.contains(type)) {
                    lint.report(LintRule.TYPE_CHANGE_REWRITE, table, "changing the type of " + table + "."
                            + name(m.group(1)) + " to " + type + " may rewrite existing table " + table
                            + " and its indexes under ACCESS EXCLUSIVE");
                }
            } else if ((m = ADD_COLUMN.matcher(action)).find() && existing) {
                String definition = m.group(2);
                Matcher d = DEFAULT.matcher(definition);
                String function = SERIAL.matcher(definition).find() ? "nextval() (serial)"
                        : d.find() ? Linter.volatileFunction(d.group(1)) : null;
                if (function != null) {
                    lint.report(LintRule.VOLATILE_DEFAULT, table, "ADD COLUMN " + table + "." + name(m.group(1))
                            + " with the volatile default " + function + " rewrites existing table " + table);
                }
            }
        }
        if (strong) {
            lint.strongLock(table, statement);
        }
    }

    private void addValidated(String table, boolean existing, Matcher m) {
        String kind = m.group(2).toUpperCase().replaceAll("\\s+", " ");
        String rest = m.group(3);
        if (kind.equals("CHECK") && m.group(1) != null) {
            Matcher nn = NOT_NULL_CHECK.matcher(rest);
            if (nn.find()) {
                lint.notNullChecks.put(name(m.group(1)), table + "." + name(nn.group(1)));
            }
        }
        if (existing && !rest.matches("(?is).*\\bNOT\\s+VALID\\s*$")) {
            lint.report(LintRule.CONSTRAINT_WITHOUT_NOT_VALID, table, "ADD " + kind
                    + (m.group(1) == null ? "" : " " + name(m.group(1))) + " on existing table " + table
                    + " without NOT VALID checks every row under a lock that blocks writes");
        }
    }

    private void breaking(String table, String message) {
        if (table != null) {
            lint.report(LintRule.BREAKING_RENAME_OR_DROP, table, message);
        }
    }

    /** The actions of an ALTER TABLE: split at commas outside parentheses and quotes. */
    private static List<String> split(String actions) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        char quote = 0;
        for (int i = 0; i < actions.length(); i++) {
            char c = actions.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(actions.substring(start, i).strip());
                start = i + 1;
            }
        }
        parts.add(actions.substring(start).strip());
        return parts;
    }
}
