package ai.paperclip.schema.lint;

import ai.paperclip.schema.lint.internal.SqlSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The changesets of a Liquibase formatted-SQL migration and their statements, split as PostgreSQL's lexer
 * splits them (quotes, dollar quoting and comments respected; {@code --rollback} lines are comments and
 * left out). For tools that run a migration statement by statement, such as the trace.
 */
public final class MigrationScript {

    private static final Pattern CHANGESET = Pattern.compile(
            "^\\s*changeset\\s+(\"[^\"]+\"|[^:\\s]+):\\s*(\"[^\"]+\"|\\S+)(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern NO_TRANSACTION = Pattern.compile("\\brunInTransaction:false\\b", Pattern.CASE_INSENSITIVE);

    private MigrationScript() {
    }

    /** One statement: its SQL without comments or semicolon, and the line it starts on. */
    public record Statement(String sql, int line) {
    }

    /** One changeset: {@code author:id}, whether it runs in a transaction, its statements in order. */
    public record Changeset(String qualifiedId, boolean runInTransaction, List<Statement> statements) {
        public Changeset {
            statements = List.copyOf(statements);
        }
    }

    /** The changesets of {@code sql}, in order; statements before the first changeset line are left out. */
    public static List<Changeset> changesets(String sql) {
        List<Changeset> changesets = new ArrayList<>();
        String id = null;
        boolean inTransaction = true;
        List<Statement> statements = new ArrayList<>();
        for (SqlSplitter.Chunk chunk : SqlSplitter.split(sql)) {
            for (SqlSplitter.Comment comment : chunk.comments()) {
                Matcher m = CHANGESET.matcher(comment.text());
                if (m.matches()) {
                    if (id != null) {
                        changesets.add(new Changeset(id, inTransaction, statements));
                    }
                    id = unquote(m.group(1)) + ":" + unquote(m.group(2));
                    inTransaction = !NO_TRANSACTION.matcher(m.group(3)).find();
                    statements = new ArrayList<>();
                }
            }
            String code = chunk.code().strip();
            if (!code.isEmpty() && id != null) {
                statements.add(new Statement(code, chunk.line()));
            }
        }
        if (id != null) {
            changesets.add(new Changeset(id, inTransaction, statements));
        }
        return changesets;
    }

    private static String unquote(String s) {
        return s.length() > 1 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
