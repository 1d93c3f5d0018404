package ai.paperclip.schema.migration.internal;

import ai.paperclip.schema.model.SchemaJson;
import ai.paperclip.schema.model.SchemaModel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 checksums of files and the deterministic ids of snapshots. */
public final class Hashes {

    /** The parent id of the first migration: the empty schema before any migration. */
    public static final String ROOT_ID = "00000000000000000000000000000000";

    private Hashes() {
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java 17 runtime has SHA-256", e);
        }
    }

    /**
     * The id of a snapshot: 128 bits of SHA-256 over the parent id and the model's stable JSON.
     * Same parent and model, same id; a custom migration (same model as its parent) still gets a
     * new id because its parent id differs.
     */
    public static String snapshotId(String parentId, SchemaModel model) {
        return sha256(parentId + "\n" + SchemaJson.write(model)).substring(0, 32);
    }
}
