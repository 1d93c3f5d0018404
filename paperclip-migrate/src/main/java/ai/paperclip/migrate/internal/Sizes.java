package ai.paperclip.migrate.internal;

/** How the backup commands print sizes; where backups live is the library's ({@code InstanceBackups}). */
public final class Sizes {

    private Sizes() {
    }

    /** {@code 4.2 MB}. */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format("%.1f KB", bytes / 1024.0);
        }
        return String.format("%.1f MB", bytes / (1024.0 * 1024));
    }
}
