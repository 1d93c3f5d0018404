package ai.paperclip.db.backup.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Row count and content checksum of one table's {@code COPY ... TO STDOUT} text stream, fed byte by byte
 * range as it streams past (constant memory, rows of any length).
 *
 * <p>Why order-independent: each row (one line of COPY text) is hashed with SHA-256 and the first 16 bytes
 * are added, as two 64-bit lanes, into a sum. A table restored from the file holds the same rows but need not
 * give them back in the same physical order (a synchronized scan may start mid-table, a later VACUUM moves
 * tuples), so a plain hash of the stream would report false mismatches. A sum (not XOR) keeps duplicate rows
 * from cancelling out. The same class computes the checksum at backup time, in the first pass over the file
 * and over a restored table, so the three agree by construction.
 */
public final class TableDigest {

    private final MessageDigest row = sha256();
    private long rows;
    private long high;
    private long low;
    private boolean inRow;

    /** Feeds {@code len} bytes of COPY text output. */
    public void update(byte[] bytes, int offset, int len) {
        int start = offset;
        int end = offset + len;
        for (int i = offset; i < end; i++) {
            if (bytes[i] == '\n') {
                row.update(bytes, start, i - start);
                endRow();
                start = i + 1;
            }
        }
        if (start < end) {
            row.update(bytes, start, end - start);
            inRow = true;
        }
    }

    private void endRow() {
        byte[] hash = row.digest();
        high += longAt(hash, 0);
        low += longAt(hash, 8);
        rows++;
        inRow = false;
    }

    /** Rows seen so far (complete lines). */
    public long rows() {
        return rows;
    }

    /** Whether a row was started but its newline not yet seen: a torn stream. */
    public boolean partialRow() {
        return inRow;
    }

    /** 32 hex digits. */
    public String checksum() {
        return String.format("%016x%016x", high, low);
    }

    private static long longAt(byte[] b, int at) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (b[at + i] & 0xFF);
        }
        return value;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
