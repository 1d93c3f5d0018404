package ai.paperclip.db;

/**
 * A snapshot of the pool and the server, from {@link PaperclipDb#health()}.
 *
 * @param activeConnections     pool connections in use
 * @param idleConnections       pool connections open and idle
 * @param waitingThreads        threads waiting for a pool connection
 * @param poolMax               the pool's maximum size
 * @param serverVersion         the server's {@code server_version}, e.g. {@code 17.7}
 * @param serverVersionNum      the server's {@code server_version_num}, e.g. {@code 170007}
 * @param maxConnections        the server's {@code max_connections}
 * @param databaseConnections   rows of {@code pg_stat_activity} for our database, from every client
 */
public record DbHealth(
        int activeConnections,
        int idleConnections,
        int waitingThreads,
        int poolMax,
        String serverVersion,
        int serverVersionNum,
        int maxConnections,
        int databaseConnections) {
}
