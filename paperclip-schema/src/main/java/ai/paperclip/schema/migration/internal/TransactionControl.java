package ai.paperclip.schema.migration.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds statements that control the transaction themselves ({@code COMMIT}, {@code ROLLBACK}, {@code ABORT},
 * {@code BEGIN}, {@code START TRANSACTION}, {@code END}) in the changesets of a formatted-SQL migration that run
 * in a transaction, their {@code --rollback} lines included. Such a statement breaks the one guarantee a
 * migration has: a {@code COMMIT} makes the work before it permanent, so a later failure "rolls back" only what
 * follows, and the history no longer says what the database holds. A changeset marked
 * {@code runInTransaction:false} runs outside a transaction and may do this; so may a function or procedure body
 * (quoted, or between {@code BEGIN ATOMIC} and its {@code END}).
 *
 * <p>A small hand-written scanner (quotes, dollar quotes, comments, statement starts) because no SQL parser is on
 * this module's classpath and only the first word of each statement matters.
 */
public final class TransactionControl {

    private static final Pattern CHANGESET = Pattern.compile("(?i)^\\s*--\\s*changeset\\s.*");
    private static final Pattern NOT_IN_TRANSACTION = Pattern.compile("(?i)\\brunInTransaction:false\\b");
    private static final Pattern ROLLBACK = Pattern.compile("(?i)^\\s*--\\s*rollback\\s(.*)$");
    private static final Pattern CONTROL = Pattern.compile("(?i)^(COMMIT|ROLLBACK|ABORT|BEGIN|END|START\\s+TRANSACTION)"
            + "\\b(?!\\s+(?:TO\\b|ATOMIC\\b))");
    private static final Pattern DOLLAR_TAG = Pattern.compile("\\$([A-Za-z_][A-Za-z_0-9]*)?\\$");

    /** A statement at {@code line} (1-based, in the file) that starts with {@code keyword}. */
    public record Finding(int line, String keyword, boolean inRollback) {
        /** {@code line 7: COMMIT} or {@code line 9 (--rollback): BEGIN}. */
        public String describe() {
            return "line " + line + (inRollback ? " (--rollback)" : "") + ": " + keyword;
        }
    }

    private TransactionControl() {
    }

    /** Every transaction-control statement of the file's transactional changesets, in order. */
    public static List<Finding> find(String sql) {
        List<Finding> findings = new ArrayList<>();
        String[] lines = sql.split("\\r\\n|\\r|\\n", -1);
        Scanner body = null;
        Scanner rollback = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (CHANGESET.matcher(line).matches()) {
                boolean transactional = !NOT_IN_TRANSACTION.matcher(line).find();
                body = transactional ? new Scanner(false, findings) : null;
                rollback = transactional ? new Scanner(true, findings) : null;
                continue;
            }
            if (body == null) {
                continue;
            }
            Matcher r = ROLLBACK.matcher(line);
            if (r.matches()) {
                rollback.scan(r.group(1), i + 1);
            } else {
                body.scan(line, i + 1);
            }
        }
        return findings;
    }

    /** One stream of SQL (a changeset's body or its rollback), scanned line by line. */
    private static final class Scanner {
        private final boolean inRollback;
        private final List<Finding> findings;
        private boolean statementStart = true;
        private boolean blockComment;
        private boolean singleQuote;
        private boolean doubleQuote;
        private String dollarTag;
        private int atomicDepth;

        Scanner(boolean inRollback, List<Finding> findings) {
            this.inRollback = inRollback;
            this.findings = findings;
        }

        void scan(String line, int lineNumber) {
            int i = 0;
            while (i < line.length()) {
                char c = line.charAt(i);
                if (blockComment) {
                    if (line.startsWith("*/", i)) {
                        blockComment = false;
                        i += 2;
                    } else {
                        i++;
                    }
                } else if (singleQuote) {
                    singleQuote = c != '\'';
                    i++;
                } else if (doubleQuote) {
                    doubleQuote = c != '"';
                    i++;
                } else if (dollarTag != null) {
                    if (line.startsWith(dollarTag, i)) {
                        i += dollarTag.length();
                        dollarTag = null;
                    } else {
                        i++;
                    }
                } else if (line.startsWith("--", i)) {
                    return;
                } else if (line.startsWith("/*", i)) {
                    blockComment = true;
                    i += 2;
                } else if (c == ';') {
                    statementStart = true;
                    i++;
                } else if (Character.isWhitespace(c)) {
                    i++;
                } else {
                    i = token(line, i, lineNumber);
                }
            }
        }

        /** Reads from {@code i} (not whitespace, not a comment); returns where to go on. */
        private int token(String line, int i, int lineNumber) {
            char c = line.charAt(i);
            boolean start = statementStart;
            statementStart = false;
            if (c == '\'') {
                singleQuote = true;
                return i + 1;
            }
            if (c == '"') {
                doubleQuote = true;
                return i + 1;
            }
            Matcher dollar = DOLLAR_TAG.matcher(line).region(i, line.length());
            if (c == '$' && dollar.lookingAt()) {
                dollarTag = dollar.group();
                return dollar.end();
            }
            String rest = line.substring(i);
            String upper = rest.toUpperCase(Locale.ROOT);
            if (upper.matches("^BEGIN\\s+ATOMIC\\b.*")) {
                atomicDepth++;
                return i + "BEGIN".length();
            }
            Matcher control = CONTROL.matcher(rest);
            if (start && control.lookingAt()) {
                String keyword = control.group(1).toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
                if (keyword.equals("END") && atomicDepth > 0) {
                    atomicDepth--;
                } else {
                    findings.add(new Finding(lineNumber, keyword, inRollback));
                }
                return i + control.end();
            }
            int end = i + 1;
            while (end < line.length() && (Character.isLetterOrDigit(line.charAt(end)) || line.charAt(end) == '_')) {
                end++;
            }
            return end;
        }
    }
}
