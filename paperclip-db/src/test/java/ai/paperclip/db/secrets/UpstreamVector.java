package ai.paperclip.db.secrets;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** Material as upstream writes it, made with the JDK cipher directly (not the code under test). */
final class UpstreamVector {

    private UpstreamVector() {
    }

    static String material(byte[] key, String value) {
        try {
            byte[] iv = new byte[12];
            new SecureRandom().nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            byte[] out = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            Base64.Encoder b64 = Base64.getEncoder();
            return "{\"scheme\":\"local_encrypted_v1\",\"iv\":\"" + b64.encodeToString(iv) + "\",\"tag\":\""
                    + b64.encodeToString(Arrays.copyOfRange(out, out.length - 16, out.length)) + "\",\"ciphertext\":\""
                    + b64.encodeToString(Arrays.copyOf(out, out.length - 16)) + "\"}";
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
