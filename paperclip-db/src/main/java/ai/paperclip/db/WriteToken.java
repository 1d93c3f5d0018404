package ai.paperclip.db;

import java.util.Locale;

/**
 * A position in the primary's write-ahead log (an LSN, {@code pg_current_wal_insert_lsn()}) that a read must
 * see: {@link PaperclipDb#read(WriteToken, java.util.function.Function)} uses a replica only once it has
 * replayed this far. Carry it between requests as text ({@link #toString()}, PostgreSQL's own
 * {@code 16/B374D848} form) and back with {@link #parse(String)}: the HTTP request that wrote hands it to
 * the client, the next request reads with it.
 */
public final class WriteToken implements Comparable<WriteToken> {

    /** No write to wait for: any replica in the rotation will do. */
    public static final WriteToken NONE = new WriteToken(0);

    private final long position;

    private WriteToken(long position) {
        this.position = position;
    }

    /** The token of a WAL position in bytes ({@code pg_lsn - '0/0'}). */
    public static WriteToken of(long position) {
        if (position < 0) {
            throw new IllegalArgumentException("A WAL position is not negative, got " + position);
        }
        return position == 0 ? NONE : new WriteToken(position);
    }

    /**
     * Reads the {@code X/Y} form of {@link #toString()} (hexadecimal, as PostgreSQL prints a {@code pg_lsn}).
     *
     * @throws IllegalArgumentException naming the text when it is not that form
     */
    public static WriteToken parse(String text) {
        String t = text == null ? "" : text.strip();
        int slash = t.indexOf('/');
        if (slash < 1 || slash == t.length() - 1 || !t.matches("[0-9A-Fa-f]{1,8}/[0-9A-Fa-f]{1,8}")) {
            throw new IllegalArgumentException("Not a write token: '" + (t.length() > 40 ? t.substring(0, 40) + "..." : t)
                    + "'; expected a WAL position such as 16/B374D848, as WriteToken.toString() writes it.");
        }
        long high = Long.parseLong(t.substring(0, slash), 16);
        long low = Long.parseLong(t.substring(slash + 1), 16);
        return of((high << 32) | low);
    }

    /** The WAL position in bytes. */
    public long position() {
        return position;
    }

    /** The later of the two. */
    public WriteToken max(WriteToken other) {
        return other.position > position ? other : this;
    }

    @Override
    public int compareTo(WriteToken other) {
        return Long.compareUnsigned(position, other.position);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WriteToken w && w.position == position;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(position);
    }

    /** PostgreSQL's {@code pg_lsn} text: high and low 32 bits in hexadecimal, e.g. {@code 16/B374D848}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%X/%X", position >>> 32, position & 0xFFFFFFFFL);
    }
}
