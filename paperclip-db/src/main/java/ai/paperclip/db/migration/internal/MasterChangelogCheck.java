package ai.paperclip.db.migration.internal;

import ai.paperclip.db.migration.MigrationSource;
import ai.paperclip.schema.migration.CommittedMigrations;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a history's master changelog is the one the generator writes: nothing but
 * {@code <include file="NNNN_name.sql" relativeToChangelogFile="true"/>}, one per journal entry, in the journal's
 * order. Only then does Liquibase run exactly the journal's files in its order, which {@link FastApply} relies on.
 */
final class MasterChangelogCheck {

    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern PROLOG = Pattern.compile("^\\s*<\\?xml[^>]*\\?>\\s*<databaseChangeLog\\b[^>]*[^/]>",
            Pattern.DOTALL);
    private static final Pattern END = Pattern.compile("</databaseChangeLog>\\s*$");
    private static final Pattern INCLUDE = Pattern.compile(
            "\\s*<include file=\"([A-Za-z0-9_.-]+)\" relativeToChangelogFile=\"true\"/>\\s*");

    private MasterChangelogCheck() {
    }

    static Optional<String> whyNot(MigrationSource source, CommittedMigrations history) {
        Optional<String> text = read(source);
        if (text.isEmpty()) {
            return Optional.of("cannot read " + source.changelogPath());
        }
        String body = COMMENT.matcher(text.get()).replaceAll("");
        Matcher prolog = PROLOG.matcher(body);
        Matcher end = END.matcher(body);
        if (!prolog.find() || !end.find() || end.start() < prolog.end()) {
            return Optional.of(source.changelogPath() + " is not a generated master changelog");
        }
        Matcher include = INCLUDE.matcher(body.substring(prolog.end(), end.start()));
        List<String> files = new ArrayList<>();
        int at = 0;
        while (include.find() && include.start() == at) {
            files.add(include.group(1));
            at = include.end();
        }
        List<String> expected = history.migrations().stream().map(m -> m.tag() + ".sql").toList();
        if (at != body.substring(prolog.end(), end.start()).length() || !files.equals(expected)) {
            return Optional.of(source.changelogPath() + " holds more than the journal's includes, in its order");
        }
        return Optional.empty();
    }

    private static Optional<String> read(MigrationSource source) {
        try {
            if (source.folder().isPresent()) {
                Path file = source.folder().get().resolve(CommittedMigrations.CHANGELOG);
                return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
            }
            try (InputStream in = source.classLoader().orElseThrow().getResourceAsStream(source.changelogPath())) {
                return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
