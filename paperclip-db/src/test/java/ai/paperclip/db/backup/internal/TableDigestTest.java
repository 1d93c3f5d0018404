package ai.paperclip.db.backup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TableDigestTest {

    private static TableDigest digest(String copyText, int chunk) {
        byte[] bytes = copyText.getBytes(StandardCharsets.UTF_8);
        TableDigest digest = new TableDigest();
        for (int i = 0; i < bytes.length; i += chunk) {
            digest.update(bytes, i, Math.min(chunk, bytes.length - i));
        }
        return digest;
    }

    @Test
    void rowOrderAndChunkingDoNotMatterButContentAndDuplicatesDo() {
        TableDigest a = digest("1\tx\n2\ty\n2\ty\n", 1000);
        assertThat(a.rows()).isEqualTo(3);
        assertThat(digest("2\ty\n1\tx\n2\ty\n", 3).checksum()).isEqualTo(a.checksum());
        assertThat(digest("1\tx\n2\ty\n", 1000).checksum()).as("a duplicate row counts").isNotEqualTo(a.checksum());
        assertThat(digest("1\tx\n2\ty\n2\tz\n", 1000).checksum()).isNotEqualTo(a.checksum());
        assertThat(digest("1\tx\n2", 1000).partialRow()).isTrue();
    }
}
