package ai.paperclip.schema.migration.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The checksum Liquibase 4.22+ records in {@code databasechangelog.md5sum} for a changeset of a
 * formatted-SQL file (algorithm version 9), computed without Liquibase so that start-up's fast path can
 * tell an applied changeset from an edited one in its single query.
 *
 * <p>Version 9 for such a changeset: its one SQL change is hashed with every space, tab, CR and LF removed
 * (MD5, lower-case hex, prefixed {@code 9:}); the changeset's checksum is the MD5 of that text followed by
 * {@code :}. The change's SQL is every line after the {@code --changeset} line up to the next one, except
 * {@code --rollback} lines. Hand-written because Liquibase's own computation needs its parser and its scope
 * (hundreds of classes on the fast path); {@code LiquibaseChecksumTest} in paperclip-db compares this with
 * Liquibase's result for every committed changeset and for edge cases, so an upgrade that changes the
 * algorithm fails the build. A changeset using a formatted-SQL feature not modelled here (changeset
 * comments, preconditions, {@code validCheckSum}, {@code ignoreLines}, properties, block rollbacks) gets no
 * checksum: it is not compared on the fast path, and Liquibase still validates it when it runs.
 */
public final class LiquibaseChecksum {

    private static final String VERSION = "9:";
    private static final Pattern CHANGESET = Pattern.compile("(?i)^\\s*--\\s*changeset\\s.*");
    private static final Pattern ROLLBACK = Pattern.compile("(?i)^\\s*--\\s*rollback\\s.*");
    /** Lines Liquibase's parser treats as directives, not SQL: not modelled, so no checksum. */
    private static final Pattern DIRECTIVE = Pattern.compile("(?i)^\\s*--\\s*(comments?:?\\s|preconditions|precondition-"
            + "|validCheckSum|ignoreLines|ignore:|property\\s|include|liquibase formatted).*");
    private static final Pattern BLOCK_ROLLBACK = Pattern.compile("(?i)/\\*\\s*liquibase\\s+rollback");

    private LiquibaseChecksum() {
    }

    /** The checksum of each changeset of {@code sql}, in order; empty for one this cannot compute. */
    public static List<Optional<String>> of(String sql) {
        List<Optional<String>> checksums = new ArrayList<>();
        StringBuilder body = null;
        boolean known = true;
        for (String line : sql.split("\\r\\n|\\r|\\n", -1)) {
            if (CHANGESET.matcher(line).matches()) {
                if (body != null) {
                    checksums.add(known ? Optional.of(changeset(body.toString())) : Optional.empty());
                }
                body = new StringBuilder();
                known = true;
            } else if (body != null && !ROLLBACK.matcher(line).matches()) {
                if (DIRECTIVE.matcher(line).matches() || BLOCK_ROLLBACK.matcher(line).find() || line.contains("${")) {
                    known = false;
                }
                body.append(line).append('\n');
            }
        }
        if (body != null) {
            checksums.add(known ? Optional.of(changeset(body.toString())) : Optional.empty());
        }
        return checksums;
    }

    private static String changeset(String changeSql) {
        String change = VERSION + md5(changeSql.replaceAll("[ \\t\\r\\n]", ""));
        return VERSION + md5(change + ":");
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is a required algorithm of every Java platform", e);
        }
    }
}
