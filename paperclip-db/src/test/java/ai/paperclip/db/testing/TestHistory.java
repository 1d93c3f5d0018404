package ai.paperclip.db.testing;

import ai.paperclip.db.migration.MigrationSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Writes a small migration history into a folder, in the generator's format (journal, master changelog,
 * {@code NNNN_name.sql} with {@code logicalFilePath}), with SQL a test chooses: slow, failing or gated
 * changesets that the generator would never write. Changesets are authored {@code test}.
 */
public final class TestHistory {

    public static final String AUTHOR = "test";

    private final Path dir;
    private final List<String> tags = new ArrayList<>();
    private final Map<String, String> checksums = new HashMap<>();

    private TestHistory(Path dir) {
        this.dir = dir;
    }

    public static TestHistory in(Path dir) {
        return new TestHistory(dir);
    }

    /** Adds migration {@code tag} ({@code NNNN_name}): one changeset {@code test:tag} running {@code sql}. */
    public TestHistory migration(String tag, String sql) {
        String rollback = sql.contains("--rollback") ? "\n" : "\n--rollback empty\n";
        return migrationWithChangesets(tag, "--changeset " + AUTHOR + ":" + tag + "\n" + sql + rollback);
    }

    /** Adds migration {@code tag} whose body writes its own {@code --changeset} lines. */
    public TestHistory migrationWithChangesets(String tag, String body) {
        if (!tags.contains(tag)) {
            tags.add(tag);
        }
        write(tag + ".sql", "--liquibase formatted sql logicalFilePath:" + tag + ".sql\n\n" + body);
        return writeIndex();
    }

    /**
     * Seals every migration written so far, as the generator does: the journal records the SHA-256 of its file.
     * Writing a sealed migration again (with {@link #migration}) then edits it behind the journal's back.
     */
    public TestHistory seal() {
        for (String tag : tags) {
            try {
                byte[] file = Files.readAllBytes(dir.resolve(tag + ".sql"));
                checksums.put(tag, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return writeIndex();
    }

    public MigrationSource source() {
        return MigrationSource.folder(dir);
    }

    public Path dir() {
        return dir;
    }

    private TestHistory writeIndex() {
        StringBuilder journal = new StringBuilder("{\"version\":1,\"migrations\":[");
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog"
                + " http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd\">\n");
        for (int i = 0; i < tags.size(); i++) {
            String sha = checksums.get(tags.get(i));
            journal.append(i == 0 ? "" : ",").append("{\"idx\":").append(i).append(",\"tag\":\"").append(tags.get(i))
                    .append(sha == null ? "\",\"custom\":true}" : "\",\"custom\":false,\"sha256\":\"" + sha + "\"}");
            xml.append("  <include file=\"").append(tags.get(i)).append(".sql\" relativeToChangelogFile=\"true\"/>\n");
        }
        write("meta/_journal.json", journal.append("]}").toString());
        write("changelog.xml", xml.append("</databaseChangeLog>\n").toString());
        return this;
    }

    private void write(String name, String text) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
