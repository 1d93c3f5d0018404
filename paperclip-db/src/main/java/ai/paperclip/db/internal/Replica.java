package ai.paperclip.db.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One read replica: its own pool, and what the health check and the reads last learned about it. Fields
 * are written by the check thread and by reads that meet a failure, read by everyone: volatile, no locks.
 */
public final class Replica {

    private final String name;
    private final ConnectionTarget target;
    private final HikariDataSource pool;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean inRotation;
    private volatile long replayedPosition;
    private volatile Duration lag;
    private volatile String problem = "not checked yet";

    Replica(String name, ConnectionTarget target, HikariDataSource pool) {
        this.name = name;
        this.target = target;
        this.pool = pool;
    }

    /** {@code host:port}, as in logs, {@code health()} and the metrics' {@code replica} tag. */
    public String name() {
        return name;
    }

    public ConnectionTarget target() {
        return target;
    }

    public HikariDataSource pool() {
        return pool;
    }

    /** Reads running on this replica now: the load balancer's measure of busy. */
    AtomicInteger inFlight() {
        return inFlight;
    }

    public boolean inRotation() {
        return inRotation;
    }

    /** The WAL position it had replayed when last asked (by the check or by a read). */
    public long replayedPosition() {
        return replayedPosition;
    }

    /** Replay lag at the last check; null until measured. */
    public Duration lag() {
        return lag;
    }

    /** Why it is out of the rotation, or null while it is in. */
    public String problem() {
        return problem;
    }

    void replayed(long position) {
        if (position > replayedPosition) {
            replayedPosition = position;
        }
    }

    void healthy(Duration measuredLag) {
        lag = measuredLag;
        problem = null;
        inRotation = true;
    }

    void unhealthy(Duration measuredLag, String reason) {
        lag = measuredLag;
        problem = reason;
        inRotation = false;
    }

    @Override
    public String toString() {
        return "replica " + name;
    }
}
