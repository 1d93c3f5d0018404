package ai.paperclip.db.migration;

import static org.assertj.core.api.Assertions.assertThat;

import ai.paperclip.db.testing.ChildJvm;
import ai.paperclip.db.testing.MigrateMain;
import ai.paperclip.db.testing.PostgresServer;
import ai.paperclip.db.testing.Db;
import ai.paperclip.db.testing.SharedPostgres;
import ai.paperclip.db.testing.TestHistory;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * With nothing pending, start-up pays one query and never loads Liquibase; plain SQL changesets are applied
 * without it too, and only a changeset using a feature Liquibase alone reproduces loads it.
 */
@ExtendWith(SharedPostgres.class)
class FastPathIT {

    @Test
    void decidesUpToDateWithExactlyOneQuery(PostgresServer server) {
        String database = server.migratedDatabase();
        AtomicInteger executed = new AtomicInteger();
        Migrator migrator = Migrator.configure().dataSource(counting(dataSource(server, database), executed)).load();

        MigrationStatus status = migrator.status();

        assertThat(status.upToDate()).isTrue();
        assertThat(status.applied()).containsExactly("0000_core_schema");
        assertThat(executed).hasValue(1);

        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            micros.add(migrator.status().checkTime().toNanos() / 1000);
        }
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("Fast-path check (one query + journal compare, connection from a data source): first %.2f ms,"
                + " then over 50 runs min %.2f ms, median %.2f ms, max %.2f ms%n", status.checkTime().toNanos() / 1e6,
                sorted[0] / 1e3, sorted[25] / 1e3, sorted[49] / 1e3);
    }

    @Test
    void aStartUpNeverLoadsLiquibaseUnlessAChangesetNeedsIt(PostgresServer server, @TempDir Path dir)
            throws Exception {
        String upToDate = server.migratedDatabase();
        String empty = server.freshDatabase();
        String special = server.freshDatabase();
        TestHistory runOnChange = TestHistory.in(dir.resolve("run-on-change")).migrationWithChangesets("0000_view",
                "--changeset test:0000_view runOnChange:true\nCREATE OR REPLACE VIEW v AS SELECT 1 AS one;\n");

        String fast = startChild(dir.resolve("fast.log"), server.urlOf(upToDate, null), "paperclip");
        String apply = startChild(dir.resolve("apply.log"), server.urlOf(empty, null), "paperclip");
        String slow = startChild(dir.resolve("slow.log"), server.urlOf(special, null), runOnChange.dir().toString());

        assertThat(fast).contains("CREATED").doesNotContain("[class,load] liquibase.");
        assertThat(fast).contains("[class,load] ai.paperclip.db.migration.internal.HistoryReader");
        assertThat(apply).as("plain SQL changesets apply without Liquibase").contains("CREATED")
                .contains("[class,load] ai.paperclip.db.migration.internal.FastApply ")
                .doesNotContain("[class,load] liquibase.");
        assertThat(slow).as("runOnChange is Liquibase's to decide").contains("CREATED")
                .contains("[class,load] liquibase.Scope ");
        assertThat(Db.history(server.superuserOn(special))).containsExactly("test:0000_view");
        System.out.println("Child start-up (class loading logged), nothing pending: PaperclipDb.create took "
                + created(fast) + " ms in all, its log says: " + fast.lines().filter(l -> l.contains("Schema up to date"))
                .findFirst().orElseThrow() + "; applying the core schema without Liquibase: " + created(apply)
                + " ms; a runOnChange changeset through Liquibase: " + created(slow) + " ms");
    }

    private static String startChild(Path log, String url, String history) throws Exception {
        try (ChildJvm child = ChildJvm.start(log, List.of("-Xlog:class+load=info"), MigrateMain.class, url, history)) {
            assertThat(child.waitFor(2)).as(child.output()).isZero();
            return child.output();
        }
    }

    private static String created(String output) {
        return output.lines().filter(l -> l.startsWith("CREATED ")).findFirst().orElseThrow().substring(8).strip();
    }

    private static DataSource dataSource(PostgresServer server, String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"127.0.0.1"});
        ds.setPortNumbers(new int[] {server.port()});
        ds.setDatabaseName(database);
        ds.setUser(PostgresServer.USER);
        ds.setPassword(PostgresServer.PASSWORD);
        return ds;
    }

    /** A real data source whose connections count every statement executed on them. */
    private static DataSource counting(DataSource real, AtomicInteger executed) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("getConnection")) {
                Connection c = (Connection) invoke(real, method, args);
                return Proxy.newProxyInstance(FastPathIT.class.getClassLoader(), new Class<?>[] {Connection.class},
                        (p, m, a) -> {
                            Object result = invoke(c, m, a);
                            return result instanceof Statement s ? countingStatement(s, executed) : result;
                        });
            }
            return invoke(real, method, args);
        };
        return (DataSource) Proxy.newProxyInstance(FastPathIT.class.getClassLoader(), new Class<?>[] {DataSource.class}, handler);
    }

    private static Object countingStatement(Statement statement, AtomicInteger executed) {
        Class<?>[] interfaces = Arrays.stream(new Class<?>[] {java.sql.CallableStatement.class,
                java.sql.PreparedStatement.class, Statement.class}).filter(i -> i.isInstance(statement)).limit(1)
                .toArray(Class<?>[]::new);
        return Proxy.newProxyInstance(FastPathIT.class.getClassLoader(), interfaces, (p, m, a) -> {
            if (m.getName().startsWith("execute")) {
                executed.incrementAndGet();
            }
            return invoke(statement, m, a);
        });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
