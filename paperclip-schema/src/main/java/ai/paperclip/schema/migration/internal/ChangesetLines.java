package ai.paperclip.schema.migration.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the identity of a Liquibase formatted-SQL file without Liquibase: its {@code logicalFilePath}
 * (the FILENAME of its history rows) and its {@code --changeset author:id} lines. The patterns follow
 * Liquibase's own formatted-SQL parser, so what this finds is what Liquibase records.
 */
public final class ChangesetLines {

    private static final Pattern HEADER = Pattern.compile("^--\\s*liquibase formatted sql(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final Pattern LOGICAL_FILE_PATH = Pattern.compile("logicalFilePath:(\\S+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CHANGESET = Pattern.compile(
            "^\\s*--[\\s]*changeset\\s+(\"[^\"]+\"|[^:\\s]+):\\s*(\"[^\"]+\"|\\S+)(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final Pattern NOT_IN_TRANSACTION = Pattern.compile("\\brunInTransaction:false\\b",
            Pattern.CASE_INSENSITIVE);

    /** One {@code --changeset} line. */
    public record Line(String author, String id, boolean runInTransaction) {
    }

    private ChangesetLines() {
    }

    /** The {@code logicalFilePath} of the header line, if the file has one. */
    public static Optional<String> logicalFilePath(String sql) {
        Matcher header = HEADER.matcher(sql);
        if (!header.find()) {
            return Optional.empty();
        }
        Matcher path = LOGICAL_FILE_PATH.matcher(header.group(1));
        return path.find() ? Optional.of(path.group(1)) : Optional.empty();
    }

    /** The changesets of the file, in order. */
    public static List<Line> changesets(String sql) {
        List<Line> lines = new ArrayList<>();
        Matcher m = CHANGESET.matcher(sql);
        while (m.find()) {
            lines.add(new Line(unquote(m.group(1)), unquote(m.group(2)),
                    !NOT_IN_TRANSACTION.matcher(m.group(3).toLowerCase(Locale.ROOT)).find()));
        }
        return lines;
    }

    private static String unquote(String token) {
        return token.length() > 1 && token.startsWith("\"") && token.endsWith("\"")
                ? token.substring(1, token.length() - 1) : token;
    }
}
