package ai.paperclip.db.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A real connection that records what its user sends through it: every SQL text executed on its statements
 * ({@code exec: ...}, prepared ones as {@code prepared: ...}), and the transaction calls ({@code autocommit=...},
 * {@code commit}, {@code rollback}). Everything runs on the real connection; nothing is answered here.
 */
public final class RecordingConnection {

    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final Connection proxy;

    private RecordingConnection(Connection real) {
        this.proxy = (Connection) Proxy.newProxyInstance(RecordingConnection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, handler(real, true));
    }

    public static RecordingConnection of(Connection real) {
        return new RecordingConnection(real);
    }

    public Connection connection() {
        return proxy;
    }

    /** What was recorded so far, in order. */
    public List<String> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    private InvocationHandler handler(Object real, boolean isConnection) {
        return (Object p, Method method, Object[] args) -> {
            String name = method.getName();
            if (isConnection) {
                switch (name) {
                    case "commit" -> events.add("commit");
                    case "rollback" -> events.add(args == null ? "rollback" : "rollback to savepoint");
                    case "setAutoCommit" -> events.add("autocommit=" + args[0]);
                    case "prepareStatement" -> events.add("prepared: " + args[0]);
                    default -> { }
                }
            } else if (name.startsWith("execute") && args != null && args.length > 0 && args[0] instanceof String sql) {
                events.add("exec: " + sql);
            } else if (name.equals("addBatch") && args != null && args.length == 1 && args[0] instanceof String sql) {
                events.add("batch: " + sql);
            }
            Object result;
            try {
                result = method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (isConnection && result instanceof Statement statement && !(result instanceof PreparedStatement)
                    && method.getReturnType() == Statement.class) {
                return Proxy.newProxyInstance(RecordingConnection.class.getClassLoader(),
                        new Class<?>[] {Statement.class}, handler(statement, false));
            }
            return result;
        };
    }
}
