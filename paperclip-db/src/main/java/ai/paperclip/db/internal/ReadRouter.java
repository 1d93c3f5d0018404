package ai.paperclip.db.internal;

import ai.paperclip.db.WriteToken;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a read runs. Replicas in the rotation that have replayed the required WAL position are preferred;
 * among them the least busy (fewest reads in flight from this process), ties taken in turn (round robin),
 * because a slow or overloaded replica then gets less work by itself, while equal replicas share evenly.
 * A replica that has not replayed far enough is polled ({@code pg_last_wal_replay_lsn()}) for at most the
 * read-your-writes timeout; then the read runs on the primary. A replica that fails with a connection
 * error leaves the rotation at once and the read runs on the primary: a read never fails because a replica
 * is down. Reads of unchanged data after a failure run twice, so a read's work must not have side effects.
 */
public final class ReadRouter {

    /** What a read does with its connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(ReadRouter.class);
    private static final long FIRST_POLL_NANOS = 200_000;
    private static final long MAX_POLL_NANOS = 10_000_000;

    private final DataSource primary;
    private final List<Replica> replicas;
    private final Duration waitForReplay;
    private final AtomicLong lastWrite = new AtomicLong();
    private final AtomicInteger turn = new AtomicInteger();

    public ReadRouter(DataSource primary, List<Replica> replicas, Duration waitForReplay) {
        this.primary = primary;
        this.replicas = List.copyOf(replicas);
        this.waitForReplay = waitForReplay;
    }

    public List<Replica> replicas() {
        return replicas;
    }

    /** Records a write's WAL position (from the primary's connections). */
    public void written(long position) {
        lastWrite.accumulateAndGet(position, Math::max);
    }

    public WriteToken lastWrite() {
        return WriteToken.of(lastWrite.get());
    }

    /** Runs {@code work} on a replica that has replayed {@code token} and this database's last write, else on the primary. */
    public <T> T read(WriteToken token, Work<T> work) throws SQLException {
        long required = Math.max(token.position(), lastWrite.get());
        long deadline = System.nanoTime() + waitForReplay.toNanos();
        for (Replica replica : candidates(required)) {
            replica.inFlight().incrementAndGet();
            try (Connection connection = replica.pool().getConnection()) {
                if (!caughtUp(replica, connection, required, deadline)) {
                    LOG.debug("Replica {} has not replayed {} within {} ms; reading from the primary", replica.name(),
                            WriteToken.of(required), waitForReplay.toMillis());
                    break;
                }
                return work.run(connection);
            } catch (SQLException | RuntimeException e) {
                if (!replicaTrouble(e)) {
                    throw e;
                }
                if (isConnectionFailure(e)) {
                    String reason = "a read failed: " + Redaction.scrub(String.valueOf(e.getMessage()), replica.target().secrets());
                    LOG.warn("Read replica {} leaves the rotation ({}); the read runs on the primary", replica.name(), reason);
                    replica.unhealthy(replica.lag(), reason);
                }
                break;
            } finally {
                replica.inFlight().decrementAndGet();
            }
        }
        try (Connection connection = primary.getConnection()) {
            return work.run(connection);
        }
    }

    private List<Replica> candidates(long required) {
        List<Replica> in = new ArrayList<>(replicas.size());
        for (Replica replica : replicas) {
            if (replica.inRotation()) {
                in.add(replica);
            }
        }
        if (in.size() > 1) {
            int offset = Math.floorMod(turn.getAndIncrement(), in.size());
            List<Replica> rotated = new ArrayList<>(in.subList(offset, in.size()));
            rotated.addAll(in.subList(0, offset));
            // Stable sort: caught-up first, then least busy; equal ones keep the round-robin order.
            rotated.sort(Comparator.comparing((Replica r) -> r.replayedPosition() < required)
                    .thenComparingInt(r -> r.inFlight().get()));
            return rotated;
        }
        return in;
    }

    private static boolean caughtUp(Replica replica, Connection connection, long required, long deadline)
            throws SQLException {
        if (required == 0 || replica.replayedPosition() >= required) {
            return true;
        }
        long pause = FIRST_POLL_NANOS;
        while (true) {
            long replayed = WalPositions.query(connection, WalPositions.REPLAYED);
            if (replayed < 0) {
                return false; // no longer in recovery: the check takes it out
            }
            replica.replayed(replayed);
            if (replayed >= required) {
                return true;
            }
            if (System.nanoTime() + pause > deadline) {
                return false;
            }
            LockSupport.parkNanos(pause); // polling a server-side position: PostgreSQL offers no wait for it before 19
            pause = Math.min(pause * 2, MAX_POLL_NANOS);
        }
    }

    /** Errors a replica causes and the primary would not: its connection, its shutdown, recovery conflicts. */
    static boolean replicaTrouble(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true; // its pool had no connection in time: busy, or down (then its cause says so)
            }
            if (t instanceof SQLException s) {
                String state = s.getSQLState();
                if (isConnectionFailure(s) || "40001".equals(state) || (state != null && state.startsWith("53"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The replica is gone or going: class 08 (also as the cause of a pool timeout), an administrator or crash shutdown. */
    static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
