package ai.paperclip.db.backup.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The session settings under which every COPY text stream is produced, at backup time and when a restored
 * table is read back for its checksum: COPY's text output of dates, intervals, floats and bytea depends on
 * them, and a checksum is only comparable when both sides print values the same way. The same lines head
 * every backup script, so a restore (ours or psql) parses the data as it was written.
 */
public final class SessionSettings {

    /** In script order. {@code check_function_bodies} off: functions may name tables created later. */
    public static final List<String> STATEMENTS = List.of(
            "SET client_encoding = 'UTF8'",
            "SET standard_conforming_strings = on",
            "SET check_function_bodies = false",
            "SET DateStyle = 'ISO, YMD'",
            "SET IntervalStyle = 'postgres'",
            "SET TimeZone = 'UTC'",
            "SET extra_float_digits = 3",
            "SET bytea_output = 'hex'",
            "SET xmloption = content",
            "SET client_min_messages = warning",
            "SET row_security = off");

    private SessionSettings() {
    }

    public static void apply(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : STATEMENTS) {
                s.execute(sql);
            }
        }
    }
}
