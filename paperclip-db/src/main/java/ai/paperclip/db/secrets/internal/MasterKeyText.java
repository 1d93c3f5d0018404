package ai.paperclip.db.secrets.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The text forms of a 32-byte master key that upstream accepts, tried in its order: 64 hex characters,
 * base64 of 32 bytes, or a string of exactly 32 UTF-8 bytes used as it is. Surrounding white space is
 * ignored (a key file usually ends with a newline).
 */
public final class MasterKeyText {

    public static final int KEY_BYTES = 32;

    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]{64}");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/_-]+={0,2}");

    private MasterKeyText() {
    }

    /** The key, or {@code null} when {@code text} is none of the three forms. */
    public static byte[] decode(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (HEX.matcher(trimmed).matches()) {
            return HexFormat.of().parseHex(trimmed);
        }
        if (BASE64.matcher(trimmed).matches()) {
            String standard = trimmed.replace('-', '+').replace('_', '/').replace("=", "");
            if (standard.length() % 4 != 1) {
                byte[] decoded = Base64.getDecoder().decode(standard + "=".repeat((4 - standard.length() % 4) % 4));
                if (decoded.length == KEY_BYTES) {
                    return decoded;
                }
            }
        }
        byte[] raw = trimmed.getBytes(StandardCharsets.UTF_8);
        return raw.length == KEY_BYTES ? raw : null;
    }

    /** What to write in a new key file: base64, as upstream writes it. */
    public static String encode(byte[] key) {
        return Base64.getEncoder().encodeToString(key);
    }
}
