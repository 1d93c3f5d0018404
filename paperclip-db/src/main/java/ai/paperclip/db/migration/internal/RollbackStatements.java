package ai.paperclip.db.migration.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code --rollback} SQL of one formatted-SQL migration file, read without Liquibase: its statements,
 * whether every changeset has any, the {@code -- IRREVERSIBLE:} notes the generator writes, and what the
 * statements drop ({@code DROP TABLE}, {@code TRUNCATE}, {@code ALTER TABLE ... DROP [COLUMN]}), so the rows
 * can be counted before they are gone. Hand-written rather than parsed by Liquibase because the plan (and a
 * dry run) must not change anything and must name what it reads; only these three statement forms delete
 * stored values wholesale, and a statement it does not recognise (an UPDATE in a custom rollback) is shown in
 * the plan, not counted.
 */
public final class RollbackStatements {

    private static final String ROLLBACK = "--rollback ";
    private static final String IRREVERSIBLE = "-- IRREVERSIBLE:";
    private static final String IDENT = "(?:\"(?:[^\"]|\"\")+\"|[\\p{L}_][\\p{L}\\p{N}_$]*)";
    private static final String RELATION = IDENT + "(?:\\s*\\.\\s*" + IDENT + ")?";
    private static final Pattern RELATION_ONLY = Pattern.compile(RELATION);
    private static final Pattern DROP_TABLE = Pattern.compile("(?is)^\\s*DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(.+?)"
            + "(?:\\s+(?:CASCADE|RESTRICT))?\\s*$");
    private static final Pattern TRUNCATE = Pattern.compile("(?is)^\\s*TRUNCATE\\s+(?:TABLE\\s+)?(?:ONLY\\s+)?(.+?)"
            + "(?:\\s+(?:RESTART|CONTINUE)\\s+IDENTITY)?(?:\\s+(?:CASCADE|RESTRICT))?\\s*$");
    private static final Pattern ALTER_TABLE = Pattern.compile("(?is)^\\s*ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?"
            + "(?:ONLY\\s+)?(" + RELATION + ")\\s*\\*?\\s+(.+)$");
    private static final Pattern DROP_COLUMN = Pattern.compile("(?is)^\\s*DROP\\s+(?:COLUMN\\s+)?(?:IF\\s+EXISTS\\s+)?("
            + IDENT + ")(?:\\s+(?:CASCADE|RESTRICT))?\\s*$");
    private static final Pattern NOT_A_COLUMN = Pattern.compile("(?i)^(CONSTRAINT|CONSTRAINTS)$");

    /** A table (SQL as written) a statement drops or empties, or one of its columns ({@code column} not null). */
    public record Drop(String statement, String relation, String column) {
        /** {@code drop table companies}, {@code drop column notes.body}, as push words its changes. */
        public String description() {
            return column == null ? (statement.strip().toUpperCase().startsWith("TRUNCATE") ? "truncate table "
                    : "drop table ") + relation : "drop column " + relation + "." + column;
        }
    }

    private final List<String> statements;
    private final boolean everyChangesetHasRollback;
    private final List<String> irreversible;

    private RollbackStatements(List<String> statements, boolean everyChangesetHasRollback, List<String> irreversible) {
        this.statements = statements;
        this.everyChangesetHasRollback = everyChangesetHasRollback;
        this.irreversible = irreversible;
    }

    /** Reads the rollback of every changeset of {@code sql}; Liquibase runs them newest changeset first. */
    public static RollbackStatements of(String sql) {
        List<List<String>> changesets = new ArrayList<>();
        List<String> irreversible = new ArrayList<>();
        List<String> current = null;
        for (String line : sql.replace("\r\n", "\n").split("\n")) {
            if (line.startsWith("--changeset ")) {
                current = new ArrayList<>();
                changesets.add(current);
            } else if (current != null && line.startsWith(ROLLBACK)) {
                String text = line.substring(ROLLBACK.length());
                if (text.strip().startsWith(IRREVERSIBLE)) {
                    irreversible.add(text.strip().substring(IRREVERSIBLE.length()).strip());
                }
                current.add(text);
            }
        }
        boolean every = !changesets.isEmpty() && changesets.stream().allMatch(c -> !c.isEmpty());
        List<String> statements = new ArrayList<>();
        for (int i = changesets.size() - 1; i >= 0; i--) {
            statements.addAll(split(changesets.get(i)));
        }
        return new RollbackStatements(statements, every, irreversible);
    }

    /** The statements, without comments and without Liquibase's {@code empty} / {@code not required}. */
    public List<String> statements() {
        return statements;
    }

    /** {@code false} when a changeset has no {@code --rollback} line at all: it cannot be undone. */
    public boolean everyChangesetHasRollback() {
        return everyChangesetHasRollback;
    }

    /** The generator's {@code -- IRREVERSIBLE:} notes: dropped data that comes back as structure only. */
    public List<String> irreversible() {
        return irreversible;
    }

    /** What the statements drop or empty, in order. */
    public List<Drop> drops() {
        List<Drop> drops = new ArrayList<>();
        for (String statement : statements) {
            Matcher m = DROP_TABLE.matcher(statement);
            if (!m.matches()) {
                m = TRUNCATE.matcher(statement);
            }
            if (m.matches()) {
                for (String relation : topLevel(m.group(1))) {
                    // Only a plain (maybe quoted, maybe qualified) name is counted; the count query embeds it.
                    if (RELATION_ONLY.matcher(relation.strip()).matches()) {
                        drops.add(new Drop(statement, relation.strip(), null));
                    }
                }
                continue;
            }
            Matcher alter = ALTER_TABLE.matcher(statement);
            if (alter.matches()) {
                for (String action : topLevel(alter.group(2))) {
                    Matcher column = DROP_COLUMN.matcher(action);
                    if (column.matches() && !NOT_A_COLUMN.matcher(column.group(1)).matches()) {
                        drops.add(new Drop(statement, alter.group(1).strip(), column.group(1)));
                    }
                }
            }
        }
        return drops;
    }

    private static List<String> split(List<String> lines) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            String stripped = line.strip();
            if (stripped.startsWith("--") || stripped.equalsIgnoreCase("empty") || stripped.equalsIgnoreCase("not required")) {
                continue;
            }
            text.append(line).append('\n');
        }
        List<String> statements = new ArrayList<>();
        for (String statement : topLevel(text.toString(), ';')) {
            if (!statement.isBlank()) {
                statements.add(statement.strip());
            }
        }
        return statements;
    }

    private static List<String> topLevel(String text) {
        return topLevel(text, ',');
    }

    /** Splits on {@code separator} outside parentheses and quotes (a rollback has no dollar-quoted bodies here). */
    private static List<String> topLevel(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean single = false;
        boolean dbl = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            } else if (!single && !dbl) {
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                } else if (c == separator && depth == 0) {
                    parts.add(text.substring(start, i));
                    start = i + 1;
                }
            }
        }
        parts.add(text.substring(start));
        return parts;
    }
}
