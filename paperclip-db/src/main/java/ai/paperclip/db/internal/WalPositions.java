package ai.paperclip.db.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** WAL positions as byte offsets ({@code pg_lsn - '0/0'}): compared as numbers, no text parsing. */
public final class WalPositions {

    /**
     * The primary's insert position: it includes a commit made with {@code synchronous_commit = off}, which
     * {@code pg_current_wal_lsn()} (the write position) may not have reached yet. When the last record ended
     * on a WAL page boundary, the insert position already points past the next page's header (24 bytes, 40 at
     * a segment start), where no replica's replay position ever lands: that header is taken off again, or a
     * read would wait for a position nothing reaches until the next write.
     */
    static final String PRIMARY = "select case when at % seg = 40 then at - 40 when at % blk = 24 then at - 24"
            + " else at end from (select (pg_current_wal_insert_lsn() - '0/0')::bigint as at,"
            + " (select setting::bigint from pg_settings where name = 'wal_segment_size') as seg,"
            + " (select setting::bigint from pg_settings where name = 'wal_block_size') as blk) p";
    /** What the primary has flushed: all a standby can have received. */
    static final String PRIMARY_FLUSHED = "select (pg_current_wal_flush_lsn() - '0/0')::bigint";
    /** A standby's replay position; null on a server that is not in recovery. */
    static final String REPLAYED = "select (pg_last_wal_replay_lsn() - '0/0')::bigint";

    private WalPositions() {
    }

    /** Runs one of the queries above; -1 when it yields null. */
    static long query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            long value = rs.getLong(1);
            return rs.wasNull() ? -1 : value;
        }
    }
}
