package ai.paperclip.schema.lint.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL script into statements the way PostgreSQL's lexer sees them: a {@code ;} ends a statement
 * only outside {@code '…'} literals (with {@code ''} and, in {@code E'…'}, backslash escapes), {@code "…"}
 * identifiers, {@code $tag$…$tag$} dollar quoting, {@code --} line comments and nested {@code /* *\/}
 * block comments. Each chunk keeps its code (comments taken out, quoted text kept), the line it starts
 * on, and the line comments in it (the {@code --changeset} and silencing comments). Hand-written because
 * no small Java library splits PostgreSQL scripts with dollar quoting and keeps comment positions;
 * JSqlParser and Liquibase's splitter either parse (and fail on) PostgreSQL-only syntax or drop comments.
 */
public final class SqlSplitter {

    /** A line comment: its text after {@code --}, and its line (1-based). */
    public record Comment(String text, int line) {
    }

    /**
     * From just after the previous {@code ;} to this one (or the end).
     *
     * @param code the statement without comments and its {@code ;}, whitespace kept; blank for comments only
     * @param line the line of the statement's first character of code (of the chunk when it has none)
     * @param comments the line comments in the chunk, in order
     */
    public record Chunk(String code, int line, List<Comment> comments) {
        public Chunk {
            comments = List.copyOf(comments);
        }
    }

    private final String sql;
    private int i;
    private int line = 1;

    private SqlSplitter(String sql) {
        this.sql = sql;
    }

    public static List<Chunk> split(String sql) {
        return new SqlSplitter(sql.replace("\r\n", "\n")).run();
    }

    private List<Chunk> run() {
        List<Chunk> chunks = new ArrayList<>();
        StringBuilder code = new StringBuilder();
        List<Comment> comments = new ArrayList<>();
        int codeLine = -1;
        int chunkLine = 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            char next = i + 1 < sql.length() ? sql.charAt(i + 1) : 0;
            if (c == '-' && next == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? sql.length() : end;
                comments.add(new Comment(sql.substring(i + 2, end), line));
                i = end;
                continue;
            }
            if (c == '/' && next == '*') {
                skipBlockComment();
                code.append(' ');
                continue;
            }
            if (c == ';') {
                chunks.add(new Chunk(code.toString(), codeLine < 0 ? chunkLine : codeLine, comments));
                code.setLength(0);
                comments = new ArrayList<>();
                codeLine = -1;
                chunkLine = line;
                i++;
                continue;
            }
            if (codeLine < 0 && !Character.isWhitespace(c)) {
                codeLine = line;
            }
            int start = i;
            if (c == '\'') {
                boolean escapes = i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e');
                skipQuoted('\'', escapes);
            } else if (c == '"') {
                skipQuoted('"', false);
            } else if (c == '$' && dollarTag() != null) {
                String tag = dollarTag();
                int close = sql.indexOf(tag, i + tag.length());
                advanceTo(close < 0 ? sql.length() : close + tag.length());
            } else {
                advanceTo(i + 1);
            }
            code.append(sql, start, i);
        }
        if (!code.toString().isBlank() || !comments.isEmpty()) {
            chunks.add(new Chunk(code.toString(), codeLine < 0 ? chunkLine : codeLine, comments));
        }
        return chunks;
    }

    /** {@code $tag$} at {@link #i} (not a positional parameter {@code $1}), or null. */
    private String dollarTag() {
        if (i > 0 && (Character.isLetterOrDigit(sql.charAt(i - 1)) || sql.charAt(i - 1) == '_')) {
            return null; // part of an identifier such as a$b
        }
        int j = i + 1;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
            j++;
        }
        if (j >= sql.length() || sql.charAt(j) != '$' || j > i + 1 && Character.isDigit(sql.charAt(i + 1))) {
            return null;
        }
        return sql.substring(i, j + 1);
    }

    private void skipQuoted(char quote, boolean backslashEscapes) {
        advanceTo(i + 1);
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                advanceTo(Math.min(i + 2, sql.length()));
            } else if (c == quote && i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                advanceTo(i + 2);
            } else if (c == quote) {
                advanceTo(i + 1);
                return;
            } else {
                advanceTo(i + 1);
            }
        }
    }

    private void skipBlockComment() {
        int depth = 0;
        do {
            if (sql.startsWith("/*", i)) {
                depth++;
                advanceTo(i + 2);
            } else if (sql.startsWith("*/", i)) {
                depth--;
                advanceTo(i + 2);
            } else {
                advanceTo(i + 1);
            }
        } while (depth > 0 && i < sql.length());
    }

    private void advanceTo(int end) {
        for (; i < end; i++) {
            if (sql.charAt(i) == '\n') {
                line++;
            }
        }
    }
}
