package ai.paperclip.schema.migration.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The content of {@code meta/_journal.json}: every migration in order with the SHA-256 of its SQL
 * file. A custom migration has no checksum until it is sealed (when the next migration is generated),
 * so its author can write its SQL first.
 *
 * @param version the format version of this file
 * @param migrations the migrations, in order
 */
public record Journal(int version, List<Entry> migrations) {

    public static final int VERSION = 1;

    public Journal {
        migrations = migrations == null ? List.of() : List.copyOf(migrations);
    }

    public static Journal empty() {
        return new Journal(VERSION, List.of());
    }

    /** One migration: its position, tag ({@code NNNN_name}), whether it is hand-written, its checksum. */
    public record Entry(int idx, String tag, boolean custom, String sha256) {

        public String fileName() {
            return tag + ".sql";
        }

        public Entry sealed(String checksum) {
            return new Entry(idx, tag, custom, checksum);
        }
    }

    public Journal with(Entry entry) {
        List<Entry> all = new ArrayList<>(migrations);
        all.add(entry);
        return new Journal(version, all);
    }

    public Journal replace(int idx, Entry entry) {
        List<Entry> all = new ArrayList<>(migrations);
        all.set(idx, entry);
        return new Journal(version, all);
    }
}
