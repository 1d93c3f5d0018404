package ai.paperclip.db.migration.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a formatted-SQL migration file the way Liquibase 4.33 does, for the plain subset the generator writes,
 * and says so when a file leaves that subset: each changeset's statements, as Liquibase's parser and its
 * {@code StringUtil.processMultiLineSQL} (with its defaults for formatted SQL: {@code stripComments:true},
 * {@code splitStatements:true}, no {@code endDelimiter}) produce them. Hand-written because Liquibase's own
 * parser needs its scope and hundreds of classes, the cost {@link FastApply} exists to avoid;
 * {@code PlainSqlTest} compares the statements with Liquibase's for every shipped and generated changeset and
 * for edge cases, so a Liquibase upgrade that splits differently fails the build.
 *
 * <p>The subset: a header {@code --changeset author:id}, optionally followed by {@code runInTransaction:true|false}
 * and nothing else; {@code --rollback} lines; line comments; statements ended by {@code ;} whose text has single-
 * and double-quoted parts only. Anything else (other changeset attributes such as {@code runOnChange}, contexts
 * or preconditions, directive comments, block comments, dollar quoting, {@code E''} strings, {@code BEGIN}
 * blocks, {@code GO} or {@code /} delimiters, {@code ${}} properties) is reported as unsupported: the
 * caller then runs Liquibase, which knows the whole format.
 */
final class PlainSql {

    private static final Pattern CHANGESET = Pattern.compile("(?i)^\\s*--\\s*changeset\\s.*");
    private static final Pattern PLAIN_HEADER = Pattern.compile(
            "^--changeset ([A-Za-z0-9_.-]+):([A-Za-z0-9_.-]+)( runInTransaction:(true|false))?$");
    private static final Pattern ROLLBACK = Pattern.compile("(?i)^\\s*--\\s*rollback\\s.*");
    /** What Liquibase's parser reads as a directive, not a comment (see its AbstractFormattedChangeLogParser). */
    private static final Pattern DIRECTIVE = Pattern.compile("(?i)^\\s*--\\s*(comments?:?\\s|preconditions|precondition-"
            + "|validCheckSum|ignoreLines|ignore:|property\\s|include|liquibase formatted|rollback).*");
    private static final Pattern DELIMITER_LINE = Pattern.compile("(?i)^\\s*(go|/)\\s*$");
    /** Liquibase's splitter counts BEGIN ... END nesting (an END alone, as in CASE ... END, changes nothing). */
    private static final Pattern BLOCK_WORD = Pattern.compile("(?i)\\bbegin\\b");

    /** One changeset: its key and how it runs, or why it is not plain. */
    record Changeset(String author, String id, boolean runInTransaction, List<String> statements, String unsupported) {
        boolean plain() {
            return unsupported == null;
        }
    }

    private PlainSql() {
    }

    /** The changesets of {@code sql} in order, each with its statements or the reason it is not plain. */
    static List<Changeset> changesets(String sql) {
        List<Changeset> changesets = new ArrayList<>();
        String header = null;
        List<String> body = new ArrayList<>();
        for (String line : sql.split("\\r\\n|\\r|\\n", -1)) {
            if (CHANGESET.matcher(line).matches()) {
                if (header != null) {
                    changesets.add(changeset(header, body));
                }
                header = line;
                body = new ArrayList<>();
            } else if (header != null && !ROLLBACK.matcher(line).matches()) {
                body.add(line);
            }
        }
        if (header != null) {
            changesets.add(changeset(header, body));
        }
        return changesets;
    }

    private static Changeset changeset(String header, List<String> body) {
        Matcher h = PLAIN_HEADER.matcher(header.strip());
        if (!h.matches()) {
            return new Changeset(null, null, true, List.of(), "its header '" + header.strip() + "' has attributes"
                    + " beyond author:id and runInTransaction");
        }
        boolean inTransaction = !"false".equals(h.group(4));
        String unsupported = null;
        for (String line : body) {
            if (DIRECTIVE.matcher(line).matches() || DELIMITER_LINE.matcher(line).matches() || line.contains("${")) {
                unsupported = "line '" + line.strip() + "' is a Liquibase directive or delimiter";
                break;
            }
        }
        List<String> statements = new ArrayList<>();
        if (unsupported == null) {
            unsupported = split(String.join("\n", body), statements);
        }
        if (unsupported == null && statements.isEmpty()) {
            unsupported = "it has no statement";
        }
        return new Changeset(h.group(1), h.group(2), inTransaction, List.copyOf(statements), unsupported);
    }

    /**
     * Splits at {@code ;} outside quotes, dropping line comments and trimming each statement (Java's
     * {@code trim}, as Liquibase's {@code StringUtils.trimToNull}); returns why it cannot, or {@code null}.
     */
    private static String split(String text, List<String> statements) {
        StringBuilder current = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '-' && i + 1 < text.length() && text.charAt(i + 1) == '-') {
                int eol = text.indexOf('\n', i);
                i = eol < 0 ? text.length() : eol; // the newline stays, as Liquibase keeps whitespace tokens
            } else if (c == '\'' || c == '"') {
                if (c == '\'' && i > 0 && (text.charAt(i - 1) == 'E' || text.charAt(i - 1) == 'e')) {
                    return "an E'' string (backslash escapes)";
                }
                int end = i + 1;
                while (true) {
                    end = text.indexOf(c, end);
                    if (end < 0) {
                        return "an unterminated quote";
                    }
                    if (end + 1 < text.length() && text.charAt(end + 1) == c) {
                        end += 2; // a doubled quote inside the quoted text
                        continue;
                    }
                    break;
                }
                current.append(text, i, end + 1);
                i = end + 1;
            } else if (c == '$' || c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                return c == '$' ? "a $ (dollar quoting or a parameter)" : "a block comment";
            } else if (c == ';') {
                String statement = current.toString().trim();
                if (!statement.isEmpty()) {
                    statements.add(statement);
                }
                current.setLength(0);
                i++;
            } else {
                current.append(c);
                i++;
            }
        }
        String last = current.toString().trim();
        if (!last.isEmpty()) {
            statements.add(last);
        }
        for (String statement : statements) {
            if (BLOCK_WORD.matcher(unquoted(statement)).find()) {
                return "a BEGIN block";
            }
        }
        return null;
    }

    /** The statement without its quoted parts, to look for keywords. */
    private static String unquoted(String statement) {
        return statement.replaceAll("'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"", "''").toLowerCase(Locale.ROOT);
    }
}
