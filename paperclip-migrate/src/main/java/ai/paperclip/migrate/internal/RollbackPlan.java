package ai.paperclip.migrate.internal;

import ai.paperclip.db.migration.MigrationSource;
import ai.paperclip.schema.migration.CommittedMigrations;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Which applied migrations a rollback undoes, newest first, how many changesets that is (what Liquibase
 * counts), and which of them cannot be undone: a changeset without {@code --rollback} statements cannot be
 * undone at all; one whose rollback says {@code -- IRREVERSIBLE:} (a dropped table or column) gets its
 * structure back but not its data.
 *
 * @param undo the migrations to roll back, newest first
 * @param changesets their changesets, counted
 * @param noRollback migrations with a changeset that has no rollback statements
 * @param dataLost migrations whose rollback restores structure only, each with the reason
 */
public record RollbackPlan(List<String> undo, int changesets, List<String> noRollback, List<String> dataLost) {

    private static final String IRREVERSIBLE = "--rollback -- IRREVERSIBLE:";

    /**
     * Plans the rollback of the newest {@code count} applied migrations, or of every applied migration after
     * {@code to} ({@code NNNN} or {@code NNNN_name}).
     */
    public static RollbackPlan of(MigrationSource source, CommittedMigrations history, List<String> applied,
            Integer count, String to) {
        List<CommittedMigrations.Migration> done = history.migrations().stream()
                .filter(m -> applied.contains(m.tag())).toList();
        int keep;
        if (count != null) {
            if (count < 1) {
                throw new IllegalArgumentException("--count must be at least 1, got " + count + ".");
            }
            if (count > done.size()) {
                throw new IllegalArgumentException("Cannot roll back " + count + " migrations: only " + done.size()
                        + " of " + history.location() + " are applied. Give --count " + done.size() + " or less.");
            }
            keep = done.size() - count;
        } else {
            CommittedMigrations.Migration target = find(history, to);
            keep = (int) done.stream().filter(m -> m.idx() <= target.idx()).count();
        }
        List<CommittedMigrations.Migration> undo = new ArrayList<>(done.subList(keep, done.size()));
        java.util.Collections.reverse(undo);
        List<String> noRollback = new ArrayList<>();
        List<String> dataLost = new ArrayList<>();
        int changesets = 0;
        for (CommittedMigrations.Migration m : undo) {
            changesets += m.changesets().size();
            String sql = read(source, m.fileName());
            if (changesetBodies(sql).stream().anyMatch(body -> !body.contains("\n--rollback "))) {
                noRollback.add(m.tag());
            }
            sql.lines().filter(l -> l.startsWith(IRREVERSIBLE))
                    .forEach(l -> dataLost.add(m.tag() + ": " + l.substring(IRREVERSIBLE.length()).strip()));
        }
        return new RollbackPlan(undo.stream().map(CommittedMigrations.Migration::tag).toList(), changesets,
                noRollback, dataLost);
    }

    private static CommittedMigrations.Migration find(CommittedMigrations history, String to) {
        return history.migrations().stream()
                .filter(m -> m.tag().equals(to) || m.tag().startsWith(to + "_")
                        || to.matches("\\d{1,9}") && m.idx() == Integer.parseInt(to))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No migration " + to + " in " + history.location()
                        + "; it has " + String.join(", ", history.migrations().stream()
                        .map(CommittedMigrations.Migration::tag).toList()) + "."));
    }

    /** The text of each {@code --changeset} block, from its line to the next. */
    private static List<String> changesetBodies(String sql) {
        List<String> bodies = new ArrayList<>();
        String[] parts = ("\n" + sql.replace("\r\n", "\n")).split("\n--changeset ");
        for (int i = 1; i < parts.length; i++) {
            bodies.add("\n" + parts[i]);
        }
        return bodies;
    }

    private static String read(MigrationSource source, String fileName) {
        try {
            if (source.folder().isPresent()) {
                return Files.readString(source.folder().get().resolve(fileName), StandardCharsets.UTF_8);
            }
            String resource = source.location() + "/" + fileName;
            try (InputStream in = source.classLoader().orElseThrow().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("no resource " + resource);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + fileName + " of " + source + ": " + e.getMessage(), e);
        }
    }
}
