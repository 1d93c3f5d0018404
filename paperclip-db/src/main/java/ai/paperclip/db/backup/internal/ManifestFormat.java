package ai.paperclip.db.backup.internal;

import ai.paperclip.db.backup.BackupManifest;
import ai.paperclip.db.backup.TableSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The manifest as SQL comment lines, so that the file stays a plain script psql can run: facts known when
 * the snapshot is taken at the head, one {@code table} line per table and an {@code end} line (the number of
 * tables) at the very end, after the data. A file without its {@code end} line is incomplete.
 */
public final class ManifestFormat {

    public static final String PREFIX = "-- paperclip-backup ";
    public static final int FORMAT = 1;

    private final Map<String, String> histories = new LinkedHashMap<>();
    private final List<TableSummary> tables = new ArrayList<>();
    private Instant created;
    private String server;
    private String database;
    private int format;
    private long declaredTables = -1;

    public static List<String> header(Instant created, String server, String database, Map<String, String> histories) {
        List<String> lines = new ArrayList<>();
        lines.add(PREFIX + "format " + FORMAT);
        lines.add(PREFIX + "created " + created);
        lines.add(PREFIX + "server " + oneLine(server));
        lines.add(PREFIX + "database " + oneLine(database));
        histories.forEach((table, newest) -> lines.add(PREFIX + "history " + table + " " + oneLine(newest)));
        return lines;
    }

    public static String table(TableSummary t) {
        return PREFIX + "table " + t.rows() + " " + t.checksum() + " " + t.table();
    }

    public static String end(int tables) {
        return PREFIX + "end " + tables;
    }

    /** Takes one manifest line; unknown keys are ignored (a newer writer may add some). */
    public void accept(String line) {
        String rest = line.substring(PREFIX.length());
        int space = rest.indexOf(' ');
        String key = space < 0 ? rest : rest.substring(0, space);
        String value = space < 0 ? "" : rest.substring(space + 1);
        try {
            switch (key) {
                case "format" -> format = Integer.parseInt(value);
                case "created" -> created = Instant.parse(value);
                case "server" -> server = value;
                case "database" -> database = value;
                case "history" -> {
                    int at = value.indexOf(' ');
                    histories.put(value.substring(0, at), value.substring(at + 1));
                }
                case "table" -> {
                    String[] parts = value.split(" ", 3);
                    tables.add(new TableSummary(parts[2], Long.parseLong(parts[0]), parts[1]));
                }
                case "end" -> declaredTables = Long.parseLong(value);
                default -> { }
            }
        } catch (RuntimeException e) {
            throw new ai.paperclip.db.backup.CorruptBackupException("Malformed manifest line in the backup: "
                    + line + ". The file was altered; use another backup.", e);
        }
    }

    /** Whether the head said this is our format. */
    public boolean present() {
        return format > 0;
    }

    public int format() {
        return format;
    }

    /** Whether the {@code end} line was seen and agrees with the table lines. */
    public boolean complete() {
        return declaredTables >= 0 && declaredTables == tables.size();
    }

    public BackupManifest manifest() {
        return new BackupManifest(created == null ? Instant.EPOCH : created, server == null ? "unknown" : server,
                database == null ? "unknown" : database, histories, tables);
    }

    private static String oneLine(String value) {
        return value.replace('\n', ' ').replace('\r', ' ');
    }
}
