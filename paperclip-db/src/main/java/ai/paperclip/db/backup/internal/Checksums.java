package ai.paperclip.db.backup.internal;

import ai.paperclip.db.backup.BackupManifest;
import ai.paperclip.db.backup.TableSummary;
import ai.paperclip.db.backup.VerifyReport;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/** Reads restored tables back through COPY, under the backup's session settings, and digests them. */
public final class Checksums {

    private Checksums() {
    }

    /** One table's row count and checksum, from {@code copyOutSql} ({@code COPY t (cols) TO STDOUT}). */
    public static TableSummary of(Connection c, String table, String copyOutSql) throws SQLException, IOException {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        TableDigest digest = new TableDigest();
        copy.copyOut(copyOutSql, new OutputStream() {
            @Override
            public void write(int b) {
                digest.update(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                digest.update(b, off, len);
            }
        });
        return new TableSummary(table, digest.rows(), digest.checksum());
    }

    /** Every table of {@code manifest} compared with what {@code c} holds now. */
    public static List<VerifyReport.TableCheck> compare(Connection c, BackupManifest manifest, Map<String, String> copyOut)
            throws SQLException, IOException {
        SessionSettings.apply(c);
        List<VerifyReport.TableCheck> checks = new ArrayList<>();
        for (TableSummary expected : manifest.tables()) {
            String sql = copyOut.get(expected.table());
            TableSummary found = sql == null ? new TableSummary(expected.table(), -1, "missing") : of(c, expected.table(), sql);
            checks.add(new VerifyReport.TableCheck(expected.table(), expected.rows(), found.rows(), expected.checksum(),
                    found.checksum()));
        }
        return checks;
    }
}
