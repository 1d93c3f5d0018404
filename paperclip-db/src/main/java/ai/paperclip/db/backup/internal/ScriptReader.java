package ai.paperclip.db.backup.internal;

import ai.paperclip.db.backup.CorruptBackupException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits a plain SQL script into statements and COPY blocks as psql would, streaming: memory holds one
 * statement or one data line, never the file. Understands single-quoted, {@code E'...'}, double-quoted and
 * dollar-quoted text, line and nested block comments, {@code BEGIN ATOMIC ... END} routine bodies,
 * {@code COPY ... FROM stdin} data ended by a line {@code \.}, psql meta-command lines, and upstream
 * Paperclip's separator lines ({@value #BREAKPOINT}). Hand-written: no Java library parses psql scripts
 * (JDBC drivers split single statements, not COPY data), and pgJDBC's parser is internal to the driver.
 */
public final class ScriptReader {

    /** The separator line of the TypeScript Paperclip's in-process backups. */
    public static final String BREAKPOINT = "-- paperclip statement breakpoint 69f6f3f1-42fd-46a6-bf17-d1d85f8f3900";

    private static final Pattern COPY_FROM_STDIN = Pattern.compile("(?is)^\\s*COPY\\s.*\\sFROM\\s+stdin\\b.*");
    private static final Pattern ROUTINE = Pattern.compile("(?is)^\\s*CREATE\\s+(OR\\s+REPLACE\\s+)?(FUNCTION|PROCEDURE)\\b.*");
    private static final Pattern DOLLAR_TAG = Pattern.compile("\\$([A-Za-z_\\u0080-\\uffff][A-Za-z_0-9\\u0080-\\uffff]*)?\\$");

    private enum State { NORMAL, QUOTE, ESCAPE_QUOTE, IDENTIFIER, DOLLAR, BLOCK_COMMENT }

    private final InputStream in;
    private final ScriptHandler handler;
    private final StringBuilder statement = new StringBuilder();
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private byte[] line = new byte[8192];
    private int lineLength;
    private long lineNumber;
    private State state = State.NORMAL;
    private String dollarTag;
    private int commentDepth;
    private int beginDepth;
    private boolean inCopy;

    private ScriptReader(InputStream in, ScriptHandler handler) {
        this.in = in;
        this.handler = handler;
    }

    /** Reads {@code in} to its end, calling {@code handler}; {@code in} should be buffered. */
    public static void read(InputStream in, ScriptHandler handler) throws Exception {
        new ScriptReader(in, handler).run();
    }

    private void run() throws Exception {
        while (readLine()) {
            lineNumber++;
            if (inCopy) {
                if (lineLength >= 2 && line[0] == '\\' && line[1] == '.' && (lineLength == 2 || line[2] == '\n'
                        || line[2] == '\r')) {
                    inCopy = false;
                    handler.copyEnd();
                } else {
                    handler.copyLine(line, lineLength);
                }
                continue;
            }
            String text = new String(line, 0, lineLength, StandardCharsets.UTF_8);
            String bare = text.stripTrailing();
            if (state == State.NORMAL && statement.toString().isBlank()) {
                if (bare.startsWith("\\")) {
                    handler.metaCommand(bare);
                    continue;
                }
                if (bare.startsWith("-- paperclip-backup ")) {
                    handler.manifestLine(bare);
                    continue;
                }
            }
            if (state == State.NORMAL && bare.equals(BREAKPOINT)) {
                handler.breakpoint();
                flush();
                continue;
            }
            scan(text);
        }
        if (inCopy) {
            throw new CorruptBackupException("The script ends inside a COPY block (no line \\. after its data):"
                    + " the file is truncated.");
        }
        if (state != State.NORMAL) {
            throw new CorruptBackupException("The script ends inside a quoted string or comment that starts before"
                    + " line " + lineNumber + ": the file is truncated or is not a SQL script.");
        }
        if (!statement.toString().isBlank()) {
            emit(statement.toString());
        }
    }

    private void scan(String text) throws Exception {
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            switch (state) {
                case NORMAL -> {
                    if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                        statement.append('\n');
                        return; // a line comment: the rest of the line is not SQL
                    }
                    if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                        state = State.BLOCK_COMMENT;
                        commentDepth = 1;
                        statement.append("/*");
                        i += 2;
                        continue;
                    }
                    if (c == '\'') {
                        boolean escape = i > 0 && (text.charAt(i - 1) == 'E' || text.charAt(i - 1) == 'e')
                                && (i < 2 || !identifierChar(text.charAt(i - 2)));
                        state = escape ? State.ESCAPE_QUOTE : State.QUOTE;
                    } else if (c == '"') {
                        state = State.IDENTIFIER;
                    } else if (c == '$' && (i == 0 || !identifierChar(text.charAt(i - 1)))) {
                        var m = DOLLAR_TAG.matcher(text).region(i, n);
                        if (m.lookingAt()) {
                            dollarTag = m.group();
                            statement.append(dollarTag);
                            state = State.DOLLAR;
                            i += dollarTag.length();
                            continue;
                        }
                    } else if (Character.isLetter(c) && (i == 0 || !identifierChar(text.charAt(i - 1)))) {
                        int end = i;
                        while (end < n && identifierChar(text.charAt(end))) {
                            end++;
                        }
                        word(text.substring(i, end));
                        statement.append(text, i, end);
                        i = end;
                        continue;
                    } else if (c == ';' && beginDepth == 0) {
                        String sql = statement.toString();
                        statement.setLength(0);
                        emit(sql);
                        if (inCopy) {
                            return; // COPY data starts on the next line
                        }
                        i++;
                        continue;
                    }
                    statement.append(c);
                    i++;
                }
                case QUOTE, IDENTIFIER -> {
                    char close = state == State.QUOTE ? '\'' : '"';
                    statement.append(c);
                    if (c == close) {
                        if (i + 1 < n && text.charAt(i + 1) == close) {
                            statement.append(close);
                            i += 2;
                            continue;
                        }
                        state = State.NORMAL;
                    }
                    i++;
                }
                case ESCAPE_QUOTE -> {
                    statement.append(c);
                    if (c == '\\' && i + 1 < n) {
                        statement.append(text.charAt(i + 1));
                        i += 2;
                        continue;
                    }
                    if (c == '\'') {
                        if (i + 1 < n && text.charAt(i + 1) == '\'') {
                            statement.append('\'');
                            i += 2;
                            continue;
                        }
                        state = State.NORMAL;
                    }
                    i++;
                }
                case DOLLAR -> {
                    if (text.startsWith(dollarTag, i)) {
                        statement.append(dollarTag);
                        i += dollarTag.length();
                        state = State.NORMAL;
                        continue;
                    }
                    statement.append(c);
                    i++;
                }
                case BLOCK_COMMENT -> {
                    if (c == '*' && i + 1 < n && text.charAt(i + 1) == '/') {
                        statement.append("*/");
                        i += 2;
                        if (--commentDepth == 0) {
                            state = State.NORMAL;
                        }
                        continue;
                    }
                    if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                        commentDepth++;
                        statement.append("/*");
                        i += 2;
                        continue;
                    }
                    statement.append(c);
                    i++;
                }
                default -> throw new IllegalStateException(state.name());
            }
        }
    }

    /** psql's rule for SQL-standard routine bodies: inside CREATE FUNCTION/PROCEDURE, BEGIN..END nests. */
    private void word(String word) {
        String upper = word.toUpperCase(Locale.ROOT);
        if (upper.equals("BEGIN") && ROUTINE.matcher(statement).matches()) {
            beginDepth++;
        } else if (upper.equals("CASE") && beginDepth > 0) {
            beginDepth++;
        } else if (upper.equals("END") && beginDepth > 0) {
            beginDepth--;
        }
    }

    private void flush() throws Exception {
        String sql = statement.toString();
        statement.setLength(0);
        beginDepth = 0;
        if (!sql.isBlank()) {
            emit(sql);
        }
    }

    private void emit(String sql) throws Exception {
        String trimmed = sql.strip();
        if (trimmed.isEmpty()) {
            return;
        }
        if (COPY_FROM_STDIN.matcher(trimmed).matches()) {
            inCopy = true;
            handler.copyBegin(trimmed);
        } else {
            handler.statement(trimmed);
        }
    }

    private static boolean identifierChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** Reads one line with its newline into {@link #line}; false at the end of the stream. */
    private boolean readLine() throws IOException {
        lineLength = 0;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return lineLength > 0;
                }
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            boolean complete = position < limit;
            if (complete) {
                position++;
            }
            int count = position - start;
            if (lineLength + count > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + count));
            }
            System.arraycopy(buffer, start, line, lineLength, count);
            lineLength += count;
            if (complete) {
                return true;
            }
        }
    }
}
