package ai.paperclip.examples.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Agent API tokens as upstream makes them: {@code pcp_} + 48 hex characters (24 random bytes). Only the
 * hex SHA-256 of a token is stored ({@code agent_api_keys.key_hash}); the token is shown once.
 */
public final class ApiKeys {

    public static final String PREFIX = "pcp_";
    private static final int RANDOM_BYTES = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    /** A new token, {@code pcp_} followed by 48 lower-case hex characters. */
    public static String newToken() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + HexFormat.of().formatHex(bytes);
    }

    /** The hex SHA-256 of {@code token}: what {@code key_hash} holds and what a lookup compares. */
    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** {@code pcp_1a2b…}: enough to recognise a token in a report, never enough to use it. */
    public static String masked(String token) {
        return token.substring(0, PREFIX.length() + 4) + "…";
    }
}
