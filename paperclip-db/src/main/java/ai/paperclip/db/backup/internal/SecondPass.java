package ai.paperclip.db.backup.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes a checked script inside the caller's transaction. Transaction control in the script
 * ({@code BEGIN}/{@code COMMIT}, as upstream's files have) is skipped: the whole restore is one transaction,
 * so a failure leaves the target as it was. Ownership ({@code ALTER ... OWNER TO}) is skipped: the roles of
 * the source need not exist here, and the restoring role owns what it creates. Upstream's
 * {@code SET LOCAL session_replication_role} needs a superuser; without one it is skipped (its foreign keys
 * are added after the data anyway).
 */
public final class SecondPass implements ScriptHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SecondPass.class);
    private static final Pattern TRANSACTION = Pattern.compile("(?is)^(BEGIN|COMMIT|END|START\\s+TRANSACTION|ROLLBACK)\\b[^;]*$");
    private static final Pattern OWNER = Pattern.compile("(?is)^ALTER\\s+.*\\sOWNER\\s+TO\\s+\\S+\\s*$");
    private static final Pattern REPLICATION_ROLE = Pattern.compile("(?is)^SET\\s+(LOCAL\\s+)?session_replication_role\\b.*");

    private final Connection c;
    private final CopyManager copy;
    private final Map<String, String> copies = new LinkedHashMap<>();
    private CopyIn copyIn;
    private long statements;
    private long rows;
    private long skipped;

    public SecondPass(Connection c) throws SQLException {
        this.c = c;
        this.copy = c.unwrap(PGConnection.class).getCopyAPI();
    }

    @Override
    public void statement(String sql) throws SQLException {
        if (TRANSACTION.matcher(sql).matches() || OWNER.matcher(sql).matches()) {
            skipped++;
            return;
        }
        statements++;
        if (REPLICATION_ROLE.matcher(sql).matches()) {
            Savepoint savepoint = c.setSavepoint();
            try (Statement s = c.createStatement()) {
                s.execute(sql);
                c.releaseSavepoint(savepoint);
            } catch (SQLException e) {
                c.rollback(savepoint);
                LOG.info("Skipped `{}`: {}", sql, e.getMessage());
            }
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new SQLException(e.getMessage() + "\n  in statement " + statements + ": "
                    + (sql.length() > 300 ? sql.substring(0, 300) + "..." : sql), e.getSQLState(), e);
        }
    }

    @Override
    public void copyBegin(String sql) throws SQLException {
        statements++;
        copies.put(FirstPass.tableOf(sql), sql.replaceFirst("(?is)\\sFROM\\s+stdin\\b.*$", " TO STDOUT"));
        copyIn = copy.copyIn(sql.replaceFirst("(?is)\\sFROM\\s+stdin\\b", " FROM STDIN"));
    }

    @Override
    public void copyLine(byte[] line, int length) throws SQLException {
        copyIn.writeToCopy(line, 0, length);
        rows++;
    }

    @Override
    public void copyEnd() throws SQLException {
        copyIn.endCopy();
        copyIn = null;
    }

    @Override
    public void manifestLine(String line) {
    }

    @Override
    public void metaCommand(String line) {
    }

    /** Ends a COPY left open by a failure, so the connection can roll back. */
    public void abort() {
        if (copyIn != null && copyIn.isActive()) {
            try {
                copyIn.cancelCopy();
            } catch (SQLException e) {
                LOG.debug("Cancelling the COPY failed: {}", e.getMessage());
            }
        }
    }

    public long statements() {
        return statements;
    }

    public long rows() {
        return rows;
    }

    /** Per table as the script names it: the {@code COPY ... TO STDOUT} that reads its columns back. */
    public Map<String, String> copyOut() {
        return copies;
    }

    /** Statements left out (transaction control, ownership). */
    public long skipped() {
        return skipped;
    }
}
