package ai.paperclip.db.backup.internal;

import ai.paperclip.db.backup.BackupException;
import ai.paperclip.db.backup.BackupManifest;
import ai.paperclip.db.backup.CorruptBackupException;
import ai.paperclip.db.backup.TableSummary;
import java.io.EOFException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipException;

/**
 * Reads a backup to its end before anything is changed: the gzip CRC and length are checked at the end of
 * the stream, every COPY block must be closed, and a file of ours must carry its complete manifest with each
 * table's row count and checksum equal to what its COPY block holds. Streams: constant memory.
 */
public final class FirstPass implements ScriptHandler {

    private static final Pattern SCHEMA = Pattern.compile(
            "(?is)^CREATE\\s+SCHEMA\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*).*");
    private static final Pattern ENCODING = Pattern.compile("(?is)^SET\\s+client_encoding\\s*(?:=|TO)\\s*'?([^';\\s]+)'?\\s*$");
    private static final Set<String> IGNORED_META = Set.of("\\restrict", "\\unrestrict");

    private final ManifestFormat manifest = new ManifestFormat();
    private final Map<String, TableSummary> copied = new LinkedHashMap<>();
    private final Set<String> schemas = new LinkedHashSet<>();
    private TableDigest digest;
    private String copyTable;
    private long statements;
    private long breakpoints;

    /** Reads {@code file} completely; throws {@link CorruptBackupException} when it cannot be restored. */
    public static FirstPass check(Path file) {
        FirstPass pass = new FirstPass();
        try (InputStream in = BackupInput.open(file)) {
            ScriptReader.read(in, pass);
        } catch (EOFException | ZipException e) {
            throw BackupInput.refused(file, e);
        } catch (BackupException e) {
            throw e;
        } catch (Exception e) {
            throw new BackupException("Cannot read backup file " + file + ": " + e.getMessage(), null, e);
        }
        pass.validate(file);
        return pass;
    }

    private void validate(Path file) {
        if (statements == 0) {
            throw new CorruptBackupException("Backup file " + file + " holds no SQL statement: it is not a backup."
                    + " Nothing was changed.");
        }
        if (!manifest.present()) {
            return;
        }
        if (!manifest.complete()) {
            throw new CorruptBackupException("Backup file " + file + " is incomplete: its manifest has no end line,"
                    + " so the backup that wrote it did not finish. Nothing was changed. Use another backup.");
        }
        for (TableSummary expected : manifest.manifest().tables()) {
            TableSummary found = copied.get(expected.table());
            if (found == null || !found.equals(expected)) {
                throw new CorruptBackupException("Backup file " + file + " is corrupted: the data of " + expected.table()
                        + " does not match its manifest (" + expected.rows() + " rows expected, "
                        + (found == null ? "no data" : found.rows() + " rows, checksum " + found.checksum()) + " found)."
                        + " Nothing was changed. Use another backup.");
            }
        }
    }

    /** The manifest, when the file is one of ours. */
    public Optional<BackupManifest> manifest() {
        return manifest.present() ? Optional.of(manifest.manifest()) : Optional.empty();
    }

    /** {@code paperclip}, {@code paperclip-typescript} or {@code plain SQL} (pg_dump's among them). */
    public String format() {
        return manifest.present() ? "paperclip" : breakpoints > 0 ? "paperclip-typescript" : "plain SQL";
    }

    /** The schemas the script creates, quoted as written (for {@code clean}). */
    public Set<String> schemas() {
        return schemas;
    }

    @Override
    public void statement(String sql) {
        statements++;
        Matcher schema = SCHEMA.matcher(sql);
        if (schema.matches()) {
            schemas.add(schema.group(1));
        }
        Matcher encoding = ENCODING.matcher(sql);
        if (encoding.matches() && !encoding.group(1).replace("-", "").equalsIgnoreCase("UTF8")) {
            throw new BackupException("The backup sets client_encoding to " + encoding.group(1) + "; only UTF8"
                    + " scripts can be restored (convert it with iconv and change that line). Nothing was changed.",
                    null, null);
        }
    }

    @Override
    public void copyBegin(String sql) {
        statements++;
        copyTable = tableOf(sql);
        digest = new TableDigest();
    }

    @Override
    public void copyLine(byte[] line, int length) {
        digest.update(line, 0, length);
    }

    @Override
    public void copyEnd() {
        copied.put(copyTable, new TableSummary(copyTable, digest.rows(), digest.checksum()));
    }

    @Override
    public void manifestLine(String line) {
        manifest.accept(line);
    }

    @Override
    public void metaCommand(String line) {
        String command = line.split("\\s+", 2)[0];
        if (!IGNORED_META.contains(command)) {
            throw new BackupException("The backup contains the psql command " + command + ", which only psql can run;"
                    + " remove that line (a dump made with --create or --clean? use plain pg_dump). Nothing was changed.",
                    null, null);
        }
    }

    @Override
    public void breakpoint() {
        breakpoints++;
    }

    /** {@code "public"."t"} of {@code COPY "public"."t" (...) FROM stdin}: the name as the script writes it. */
    static String tableOf(String copySql) {
        String rest = copySql.substring(4).strip();
        int paren = rest.indexOf(" (");
        int from = rest.toUpperCase(java.util.Locale.ROOT).indexOf(" FROM ");
        int end = paren >= 0 && paren < from ? paren : from;
        return rest.substring(0, end).strip();
    }
}
