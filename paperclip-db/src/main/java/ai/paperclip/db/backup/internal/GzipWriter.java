package ai.paperclip.db.backup.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A gzip stream (RFC 1952) whose header carries its own CRC (flag FHCRC), so that one flipped byte anywhere
 * in the file, header included, is refused by {@link java.util.zip.GZIPInputStream} (which checks FHCRC),
 * gzip(1) and every other reader. {@code java.util.zip.GZIPOutputStream} writes no header CRC: a flip in its
 * modification-time bytes would go unnoticed. The body is plain Deflate; the trailer holds the CRC-32 and
 * length of the content, which readers check at the end: a truncated file never reads as complete.
 */
public final class GzipWriter extends FilterOutputStream {

    /** Speed over size: COPY text still shrinks several times at level 1, and a backup must not crawl. */
    public static final int LEVEL = Deflater.BEST_SPEED;

    private static final int FLAG_HEADER_CRC = 0x02;
    private static final int OS_UNIX = 3;

    private final Deflater deflater;
    private final DeflaterOutputStream body;
    private final CRC32 crc = new CRC32();
    private long length;
    private boolean finished;

    public GzipWriter(OutputStream out) throws IOException {
        super(out);
        this.deflater = new Deflater(LEVEL, true);
        byte[] header = {0x1f, (byte) 0x8b, Deflater.DEFLATED, FLAG_HEADER_CRC, 0, 0, 0, 0, 0, OS_UNIX};
        CRC32 headerCrc = new CRC32();
        headerCrc.update(header);
        out.write(header);
        writeShort((int) headerCrc.getValue());
        this.body = new DeflaterOutputStream(out, deflater, 64 * 1024);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        body.write(b, off, len);
        crc.update(b, off, len);
        length += len;
    }

    /** Completes the Deflate stream and writes the trailer; the underlying stream stays open. */
    public void finish() throws IOException {
        if (!finished) {
            body.finish();
            writeInt((int) crc.getValue());
            writeInt((int) length);
            deflater.end();
            finished = true;
        }
    }

    @Override
    public void flush() throws IOException {
        body.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            finish();
        } finally {
            out.close();
        }
    }

    private void writeShort(int v) throws IOException {
        out.write(v & 0xFF);
        out.write((v >>> 8) & 0xFF);
    }

    private void writeInt(int v) throws IOException {
        writeShort(v & 0xFFFF);
        writeShort((v >>> 16) & 0xFFFF);
    }
}
