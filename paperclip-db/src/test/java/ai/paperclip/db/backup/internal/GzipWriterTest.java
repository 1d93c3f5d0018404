package ai.paperclip.db.backup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class GzipWriterTest {

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GzipWriter out = new GzipWriter(bytes)) {
            out.write(content, 0, content.length);
        }
        return bytes.toByteArray();
    }

    private static boolean readsBackAs(byte[] file, byte[] content) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(file))) {
            return java.util.Arrays.equals(in.readAllBytes(), content);
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void javaReadsWhatItWrites() throws IOException {
        byte[] content = "COPY t FROM stdin;\n1\tx\n\\.\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
        assertThat(readsBackAs(gzip(content), content)).isTrue();
    }

    @Test
    void everySingleFlippedByteAndEveryTruncationIsDetected() throws IOException {
        byte[] content = "-- paperclip-backup format 1\nSELECT 1;\n".repeat(50).getBytes(StandardCharsets.UTF_8);
        byte[] file = gzip(content);
        for (int at = 0; at < file.length; at++) {
            byte[] flipped = file.clone();
            flipped[at] ^= 0x01;
            assertThat(readsBackAs(flipped, content)).as("flip at byte %d of %d", at, file.length).isFalse();
            assertThat(readsBackAs(java.util.Arrays.copyOf(file, at), content)).as("cut at %d", at).isFalse();
        }
    }
}
