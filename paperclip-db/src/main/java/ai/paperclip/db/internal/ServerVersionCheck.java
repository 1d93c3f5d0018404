package ai.paperclip.db.internal;

import ai.paperclip.db.UnsupportedServerException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The one rule for the server version: PostgreSQL 17 or newer. Checked on the pre-flight connection at
 * start-up (this step, on {@link ServerSettings} read with the pool size check's), by {@code Migrator} before anything that writes (migrate, rollback, adopt's
 * markApplied: so the CLI's commands too), by {@code SchemaPush}, and worded the same by the doctor.
 */
public final class ServerVersionCheck implements StartupStep {

    /** {@code server_version_num} of PostgreSQL 17.0. */
    public static final int MIN_SERVER_VERSION_NUM = 170000;

    private static final String QUERY = "select current_setting('server_version_num')::int, current_setting('server_version')";

    @Override
    public void run(Context context) {
        ServerSettings settings = context.settings();
        Optional<String> problem = problem(settings.versionNum(), settings.version(), context.target().redactedUrl());
        if (problem.isPresent()) {
            throw new UnsupportedServerException(problem.get(), settings.versionNum());
        }
    }

    /**
     * Refuses a server older than PostgreSQL 17 before anything is changed on it.
     *
     * @param where the database, password masked, for the message
     * @throws UnsupportedServerException naming the version found and what to do
     */
    public static void require(Connection connection, String where) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(QUERY)) {
            rs.next();
            int versionNum = rs.getInt(1);
            Optional<String> problem = problem(versionNum, rs.getString(2), where);
            if (problem.isPresent()) {
                throw new UnsupportedServerException(problem.get(), versionNum);
            }
        }
    }

    /**
     * Why a server of this version is refused, or empty when it is supported.
     *
     * @param where the database (password masked) to name, or {@code null}
     */
    public static Optional<String> problem(int versionNum, String version, String where) {
        if (versionNum >= MIN_SERVER_VERSION_NUM) {
            return Optional.empty();
        }
        return Optional.of("PostgreSQL " + version + " (server_version_num " + versionNum + ")"
                + (where == null ? "" : " at " + where) + " is not supported:"
                + " paperclip-db needs PostgreSQL 17 or newer. Upgrade the server, or point DATABASE_URL at a"
                + " PostgreSQL 17+ server (the embedded default runs PostgreSQL 18).");
    }
}
