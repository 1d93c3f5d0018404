package ai.paperclip.embedded;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The main class of a child JVM used by the multi-process tests: starts the instance, optionally
 * commits a row, reports on stdout, then waits for "stop" (or end of input) to close.
 * Arguments: home directory, instance id, cache directory, then optional flags "insert", "hook"
 * (register the shutdown hook) and "transaction" (open a transaction that inserts a row and stays
 * open). Commands on stdin: "stop" closes the handle, "exit" ends the JVM without closing it,
 * "commit" commits the open transaction (TX_COMMITTED, or TX_FAILED and the error).
 */
public final class ChildStarter {

    private ChildStarter() {
    }

    public static void main(String[] args) throws Exception {
        InstanceHome home = InstanceHome.of(Path.of(args[0]), args[1]);
        EmbeddedPostgres pg = EmbeddedPostgres.builder().instanceHome(home).cacheDirectory(Path.of(args[2]))
                .registerShutdownHook(List.of(args).contains("hook")).start();
        System.out.println("STARTED " + pg.port() + " " + pg.startedByThisProcess() + " " + pg.pid());
        if (List.of(args).contains("insert")) {
            try (Connection c = pg.openConnection(pg.database()); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS survivors (id serial PRIMARY KEY, note text)");
                s.execute("INSERT INTO survivors (note) VALUES ('committed before kill -9')");
            }
            System.out.println("COMMITTED");
        }
        Connection transaction = null;
        if (List.of(args).contains("transaction")) {
            transaction = pg.openConnection(pg.database());
            try (Statement s = transaction.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS handoff (note text)");
                transaction.setAutoCommit(false);
                s.execute("INSERT INTO handoff VALUES ('written while the other process left')");
            }
            System.out.println("IN_TRANSACTION");
        }
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.equals("stop")) {
            if (line.equals("exit")) {
                System.exit(0);
            }
            if (line.equals("commit") && transaction != null) {
                try {
                    transaction.commit();
                    transaction.close();
                    System.out.println("TX_COMMITTED");
                } catch (SQLException e) {
                    System.out.println("TX_FAILED " + e.getMessage().replace('\n', ' '));
                }
                System.out.flush();
            }
        }
        pg.close();
        System.out.println("STOPPED");
    }
}
