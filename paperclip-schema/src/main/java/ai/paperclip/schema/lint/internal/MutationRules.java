package ai.paperclip.schema.lint.internal;

import static ai.paperclip.schema.lint.internal.Linter.NAME;
import static ai.paperclip.schema.lint.internal.Linter.name;

import ai.paperclip.schema.lint.LintRule;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules on data changes in a migration ({@code UPDATE}, {@code DELETE}, also inside {@code DO} blocks):
 * one that touches every row of an existing table at once, and a batched or looped one whose filter no
 * index serves. Upstream Paperclip's lint applies them to tables it knows to be large; here every
 * existing table counts, since a table's size in production is not in the migration.
 */
final class MutationRules {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    private static final Pattern MUTATION = Pattern.compile(
            "(?<![\\w.$])(\\w+\\s+)?(UPDATE|DELETE\\s+FROM)\\s+(?:ONLY\\s+)?" + NAME, FLAGS);
    /** Words before UPDATE/DELETE that make it part of something else (ON UPDATE CASCADE, FOR UPDATE, triggers). */
    private static final Set<String> NOT_A_MUTATION_AFTER = Set.of("on", "for", "or", "do", "of", "before", "after",
            "instead", "key", "no");
    private static final Set<String> NOT_A_TABLE = Set.of("on", "of", "set", "cascade", "restrict", "no", "nowait", "skip");
    private static final Pattern BATCHED = Pattern.compile("\\bLIMIT\\b|\\bFETCH\\s+(?:FIRST|NEXT)\\b", FLAGS);
    private static final Pattern LOOP = Pattern.compile("^DO\\b.*\\bLOOP\\b", FLAGS);
    private static final Pattern WHERE = Pattern.compile("\\bWHERE\\b(.*)$", FLAGS);
    private static final Pattern TRIVIAL = Pattern.compile("^\\s*\\(*\\s*(?:true|1\\s*=\\s*1)\\s*\\)*\\s*$", FLAGS);
    private static final Pattern DOLLAR = Pattern.compile("\\$(?:[A-Za-z_][A-Za-z0-9_]*)?\\$");
    private static final Pattern WORD = Pattern.compile("(?<![\\w$'])([A-Za-z_][A-Za-z0-9_]*)(?![\\w(])");

    private final Linter lint;

    MutationRules(Linter lint) {
        this.lint = lint;
    }

    void apply(String statement) {
        boolean loop = LOOP.matcher(statement.strip()).find();
        String code = masked(statement, statement.strip().regionMatches(true, 0, "DO", 0, 2));
        Matcher m = MUTATION.matcher(code);
        while (m.find()) {
            String before = m.group(1) == null ? "" : m.group(1).strip().toLowerCase(Locale.ROOT);
            String table = name(m.group(3));
            if (NOT_A_MUTATION_AFTER.contains(before) || NOT_A_TABLE.contains(table) || !lint.existing(table)) {
                continue;
            }
            String verb = m.group(2).toUpperCase(Locale.ROOT).startsWith("UPDATE") ? "UPDATE" : "DELETE";
            int end = code.indexOf(';', m.end());
            String segment = code.substring(m.start(), end < 0 ? code.length() : end);
            Matcher where = WHERE.matcher(segment);
            boolean hasWhere = where.find();
            Matcher limit = BATCHED.matcher(segment);
            boolean batched = limit.find();
            if (loop || batched) {
                // the filter that picks each batch: the last WHERE before the LIMIT, or the looped statement's own
                String head = batched ? segment.substring(0, limit.start()) : segment;
                int filter = head.toUpperCase(Locale.ROOT).lastIndexOf("WHERE");
                Set<String> columns = new LinkedHashSet<>();
                Matcher w = WORD.matcher(filter < 0 ? "" : head.substring(filter + "WHERE".length()));
                while (w.find()) {
                    columns.add(w.group(1).toLowerCase(Locale.ROOT));
                }
                Set<String> indexed = lint.indexedColumns.getOrDefault(table, Set.of());
                columns.removeIf(c -> !indexed.contains(c));
                if (columns.isEmpty()) {
                    lint.report(LintRule.BATCHED_MUTATION_WITHOUT_INDEX, table, (loop ? "looped " : "batched ") + verb
                            + " of existing table " + table + " filters on no indexed column"
                            + (indexed.isEmpty() ? "" : " (indexed: " + String.join(", ", indexed.stream().sorted().toList()) + ")")
                            + ": every batch scans " + table);
                }
            } else if (!hasWhere || TRIVIAL.matcher(where.group(1)).matches()) {
                lint.report(LintRule.UNBATCHED_MUTATION, table, verb + " of existing table " + table
                        + " without a selective WHERE changes every row in one transaction");
            }
        }
    }

    /**
     * The statement with the text of {@code '…'} literals blanked, and of dollar-quoted strings unless they
     * are the body of a {@code DO} block (code to look into), so that SQL inside a string is never matched.
     */
    static String masked(String code, boolean keepDollarBodies) {
        StringBuilder out = new StringBuilder(code);
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '\'') {
                int j = i + 1;
                while (j < code.length() && !(code.charAt(j) == '\'' && (j + 1 >= code.length() || code.charAt(j + 1) != '\''))) {
                    j += code.charAt(j) == '\'' ? 2 : 1;
                }
                blank(out, i + 1, Math.min(j, code.length()));
                i = j + 1;
            } else if (c == '$' && DOLLAR.matcher(code).region(i, code.length()).lookingAt()) {
                Matcher tag = DOLLAR.matcher(code).region(i, code.length());
                tag.lookingAt();
                int close = code.indexOf(tag.group(), tag.end());
                int end = close < 0 ? code.length() : close;
                if (!keepDollarBodies) {
                    blank(out, tag.end(), end);
                    i = close < 0 ? code.length() : close + tag.group().length();
                } else {
                    i = tag.end(); // a DO body: its literals are masked as the scan goes on
                }
            } else {
                i++;
            }
        }
        return out.toString();
    }

    private static void blank(StringBuilder out, int from, int to) {
        for (int k = from; k < to; k++) {
            if (out.charAt(k) != '\n') {
                out.setCharAt(k, ' ');
            }
        }
    }
}
