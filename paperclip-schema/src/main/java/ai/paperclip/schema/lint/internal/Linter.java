package ai.paperclip.schema.lint.internal;

import ai.paperclip.schema.internal.Volatility;
import ai.paperclip.schema.lint.LintFinding;
import ai.paperclip.schema.lint.LintRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One pass over the statements of migration files, in order, applying every {@link LintRule}. The rules
 * share what the pass has seen (tables created in the current file, indexes, lock_timeout in the current
 * changeset, validated not-null checks), which is why they live in one class; the ALTER TABLE actions are
 * in {@link AlterTableRules}. Statements are recognised by patterns on their comment-free text, not
 * parsed: enough for the DDL migrations contain, and a statement it does not recognise breaks no rule.
 */
public final class Linter {

    static final String IDENT = "(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)";
    static final String NAME = "(?:" + IDENT + "\\s*\\.\\s*)?(" + IDENT + ")";

    private static final Pattern CHANGESET = Pattern.compile("^\\s*changeset\\s+\\S+", Pattern.CASE_INSENSITIVE);
    private static final Pattern NO_TRANSACTION = Pattern.compile("\\brunInTransaction:false\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SET_LOCK_TIMEOUT = Pattern.compile(
            "^SET\\s+(?:LOCAL\\s+|SESSION\\s+)?lock_timeout\\s*(?:=|TO)\\s*'?([^';\\s]+)'?\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern BEGIN = Pattern.compile("^(?:BEGIN|START\\s+TRANSACTION)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern END = Pattern.compile("^(?:COMMIT|END|ROLLBACK)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "^CREATE\\s+(?:(?:GLOBAL|LOCAL)\\s+)?(?:TEMP|TEMPORARY|UNLOGGED\\s+)?\\s*TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?" + NAME,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern KEY_COLUMN = Pattern.compile("(?:PRIMARY\\s+KEY|UNIQUE)\\s*\\(\\s*(" + IDENT + ")",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_KEY = Pattern.compile("[(,]\\s*(" + IDENT + ")\\s[^,]*?\\b(?:PRIMARY\\s+KEY|UNIQUE)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATE_INDEX = Pattern.compile("^CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(CONCURRENTLY\\s+)?"
            + "(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:" + NAME + "\\s+)?ON\\s+(?:ONLY\\s+)?" + NAME
            + "\\s*(?:USING\\s+\\w+\\s*)?\\(\\s*(" + IDENT + ")?", Pattern.CASE_INSENSITIVE);
    private static final Pattern DROP_INDEX = Pattern.compile("^DROP\\s+INDEX\\s+(CONCURRENTLY\\s+)?(?:IF\\s+EXISTS\\s+)?(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern REINDEX_CONCURRENTLY = Pattern.compile("^REINDEX\\s+(?:\\(.*?\\)\\s*)?\\w+\\s+CONCURRENTLY\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ALTER_TABLE = Pattern.compile("^ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?" + NAME
            + "\\s+(.*)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern DROP_TABLE = Pattern.compile("^DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(.*?)(?:\\s+(?:CASCADE|RESTRICT))?$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern OTHER_STRONG_LOCK = Pattern.compile("^(?:TRUNCATE\\s+(?:TABLE\\s+)?(?:ONLY\\s+)?"
            + "|LOCK\\s+(?:TABLE\\s+)?(?:ONLY\\s+)?|CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:CONSTRAINT\\s+)?TRIGGER\\s+.*?\\bON\\s+"
            + "|DROP\\s+TRIGGER\\s+(?:IF\\s+EXISTS\\s+)?" + IDENT + "\\s+ON\\s+)" + NAME, Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern IGNORE = Pattern.compile(
            "^\\s*paperclip:(lint-ignore|migration-safety-ignore)\\b\\s*([^:]*?)\\s*(?::\\s*(.*?))?\\s*$", Pattern.CASE_INSENSITIVE);

    private final List<LintFinding> findings = new ArrayList<>();
    private int statements;
    private int silenced;
    /** Leading columns of every index seen in any file so far, by table; and the table of each index. */
    final Map<String, Set<String>> indexedColumns = new HashMap<>();
    private final Map<String, String> indexTables = new HashMap<>();

    // per file
    String file;
    final Set<String> created = new HashSet<>();
    /** Helper checks {@code (column IS NOT NULL)} by name, as {@code table.column}; and those validated. */
    final Map<String, String> notNullChecks = new HashMap<>();
    final Set<String> provenNotNull = new HashSet<>();
    // per changeset (or explicit transaction of a plain file)
    private boolean inTransaction;
    private boolean lockTimeout;
    // per statement
    private Chunk current;
    private Set<String> silences;
    private final AlterTableRules alterTable = new AlterTableRules(this);
    private final MutationRules mutations = new MutationRules(this);

    private record Chunk(String code, String text, int line) {
    }

    /** Lints one file after the files linted before it. */
    public void file(String name, String sql) {
        file = name;
        created.clear();
        notNullChecks.clear();
        provenNotNull.clear();
        inTransaction = false;
        lockTimeout = false;
        for (SqlSplitter.Chunk chunk : SqlSplitter.split(sql)) {
            silences = new HashSet<>();
            for (SqlSplitter.Comment comment : chunk.comments()) {
                comment(comment);
            }
            String code = chunk.code().strip();
            if (!code.isEmpty()) {
                statements++;
                current = new Chunk(code, code.replaceAll("\\s+", " "), chunk.line());
                statement(current.text());
            }
        }
    }

    public List<LintFinding> findings() {
        return List.copyOf(findings);
    }

    public int statements() {
        return statements;
    }

    public int silenced() {
        return silenced;
    }

    private void comment(SqlSplitter.Comment comment) {
        if (CHANGESET.matcher(comment.text()).find()) {
            inTransaction = !NO_TRANSACTION.matcher(comment.text()).find();
            lockTimeout = false;
            return;
        }
        Matcher m = IGNORE.matcher(comment.text());
        if (!m.matches()) {
            return;
        }
        String reason = m.group(3);
        List<String> rules = List.of(m.group(2).split("\\s*,\\s*"));
        List<String> unknown = rules.stream().filter(r -> !r.equalsIgnoreCase("all") && LintRule.byId(r).isEmpty()).toList();
        String problem = rules.get(0).isEmpty() ? "names no rule"
                : !unknown.isEmpty() ? "names an unknown rule '" + unknown.get(0) + "'"
                : reason == null || reason.isBlank() ? "gives no reason after ':'" : null;
        if (problem != null) {
            findings.add(new LintFinding(LintRule.INVALID_IGNORE, file, comment.line(), null,
                    "the silencing comment " + problem + "; nothing is silenced by it", "--" + comment.text().stripTrailing()));
            return;
        }
        rules.forEach(r -> silences.add(r.equalsIgnoreCase("all") ? "all"
                : LintRule.byId(r).orElseThrow().id()));
    }

    private void statement(String s) {
        Matcher m;
        if ((m = SET_LOCK_TIMEOUT.matcher(s)).matches()) {
            lockTimeout = !m.group(1).equals("0");
        } else if (BEGIN.matcher(s).find()) {
            inTransaction = true;
        } else if (END.matcher(s).find()) {
            inTransaction = false;
            lockTimeout = false;
        } else if ((m = CREATE_TABLE.matcher(s)).find()) {
            String table = name(m.group(1));
            created.add(table);
            for (Pattern key : List.of(KEY_COLUMN, INLINE_KEY)) {
                Matcher k = key.matcher(s);
                while (k.find()) {
                    if (!k.group(1).equalsIgnoreCase("constraint")) {
                        indexed(table, name(k.group(1)));
                    }
                }
            }
        } else if ((m = CREATE_INDEX.matcher(s)).find()) {
            createIndex(s, m);
        } else if ((m = DROP_INDEX.matcher(s)).find()) {
            boolean concurrently = m.group(1) != null;
            if (concurrently) {
                concurrently(s);
            } else {
                String table = null;
                for (String index : m.group(2).split(",")) {
                    table = indexTables.get(name(index.strip().split("\\s")[0].replaceAll(".*\\.", "")));
                }
                strongLock(table, s);
            }
        } else if (REINDEX_CONCURRENTLY.matcher(s).find()) {
            concurrently(s);
        } else if ((m = ALTER_TABLE.matcher(s)).find()) {
            alterTable.apply(name(m.group(1)), m.group(2), s);
        } else if ((m = DROP_TABLE.matcher(s)).find()) {
            for (String t : m.group(1).split(",")) {
                String table = name(t.strip().replaceAll("^.*\\.", ""));
                if (existing(table)) {
                    report(LintRule.BREAKING_RENAME_OR_DROP, table, "DROP TABLE " + table + " breaks the application"
                            + " version still running if it uses the table");
                }
                strongLock(table, s);
            }
        } else if ((m = OTHER_STRONG_LOCK.matcher(s)).find()) {
            strongLock(name(m.group(1)), s);
        }
        mutations.apply(current.code());
    }

    private void createIndex(String s, Matcher m) {
        boolean concurrently = m.group(1) != null;
        String index = m.group(2) == null ? null : name(m.group(2));
        String table = name(m.group(3));
        if (index != null) {
            indexTables.put(index, table);
        }
        if (m.group(4) != null) {
            indexed(table, name(m.group(4)));
        }
        if (concurrently) {
            concurrently(s);
        } else if (existing(table)) {
            report(LintRule.CREATE_INDEX_NOT_CONCURRENTLY, table, "CREATE INDEX" + (index == null ? "" : " " + index)
                    + " on existing table " + table + " without CONCURRENTLY blocks writes to " + table
                    + " for the whole build");
        }
        if (!concurrently) {
            strongLock(table, s);
        }
    }

    private void concurrently(String s) {
        if (inTransaction) {
            report(LintRule.CONCURRENTLY_IN_TRANSACTION, null, "CONCURRENTLY inside a transaction fails: this"
                    + " changeset runs in one (add runInTransaction:false to its --changeset line)");
        }
    }

    void indexed(String table, String column) {
        indexedColumns.computeIfAbsent(table, t -> new HashSet<>()).add(column);
    }

    /** A statement that locks {@code table} (null: unknown, counted as existing) against reads or writes. */
    void strongLock(String table, String s) {
        if ((table == null || existing(table)) && !lockTimeout) {
            report(LintRule.MISSING_LOCK_TIMEOUT, table, "\"" + abbreviate(s) + "\" locks "
                    + (table == null ? "a table" : "existing table " + table) + " against reads or writes with no"
                    + " lock_timeout set before it in this changeset");
        }
    }

    boolean existing(String table) {
        return !created.contains(table);
    }

    void report(LintRule rule, String table, String message) {
        if (silences.contains(rule.id()) || silences.contains("all")) {
            silenced++;
            return;
        }
        findings.add(new LintFinding(rule, file, current.line(), table, message, current.text()));
    }

    /** An identifier as PostgreSQL stores it: quoted kept as is, unquoted folded to lower case. */
    static String name(String identifier) {
        String id = identifier.strip();
        return id.startsWith("\"") ? id.substring(1, id.length() - 1).replace("\"\"", "\"") : id.toLowerCase(java.util.Locale.ROOT);
    }

    static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    static String volatileFunction(String expression) {
        return Volatility.volatileFunction(expression);
    }
}
