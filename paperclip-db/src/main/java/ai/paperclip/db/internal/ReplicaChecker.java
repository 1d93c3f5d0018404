package ai.paperclip.db.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background health check of the replicas, run on one thread at a fixed delay: bounded work per round
 * (one query on the primary, one on each replica, each bounded by the pool's borrow timeout and a query
 * timeout). The primary's query is skipped while its pool has no idle connection, as the connection sample is:
 * the check never waits for, or takes, a connection the application needs. A replica is in the rotation when it answers, is in recovery, and lags at most the threshold.
 *
 * <p>Lag is measured on this side, not from {@code pg_last_xact_replay_timestamp()}: each round records the
 * primary's flushed WAL position with the time it was read; a replica's lag is the age of the oldest record
 * it has not replayed yet (zero when it has replayed them all). That needs no synchronised clocks between
 * servers and does not mistake an idle primary for a lagging replica; it is exact to one check interval.
 */
public final class ReplicaChecker implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaChecker.class);
    private static final String QUESTION = "select pg_is_in_recovery(), (pg_last_wal_replay_lsn() - '0/0')::bigint";
    private static final int QUERY_TIMEOUT_SECONDS = 2;

    private record Sample(long nanos, long position) {
    }

    private final DataSource primary;
    private final List<Replica> replicas;
    private final Duration maxLag;
    private final long windowNanos;
    private final Deque<Sample> samples = new ArrayDeque<>();

    public ReplicaChecker(DataSource primary, List<Replica> replicas, Duration maxLag, Duration interval) {
        this.primary = primary;
        this.replicas = replicas;
        this.maxLag = maxLag;
        // Older samples cannot change a verdict: a replica behind all of them is out either way.
        this.windowNanos = maxLag.plus(interval.multipliedBy(2)).toNanos();
    }

    @Override
    public void run() {
        try {
            samplePrimary();
            for (Replica replica : replicas) {
                check(replica);
            }
        } catch (RuntimeException e) {
            LOG.warn("Replica check failed: {}", e.toString()); // never kill the schedule
        }
    }

    private void samplePrimary() {
        long now = System.nanoTime();
        if (ConnectionMonitor.busy(primary)) {
            // The application's threads come first; lag is then measured against the older samples, coarser.
            LOG.debug("Replica check: the primary's pool has no idle connection; its WAL position is not sampled");
            return;
        }
        try (Connection c = primary.getConnection()) {
            samples.addLast(new Sample(now, WalPositions.query(c, WalPositions.PRIMARY_FLUSHED)));
        } catch (SQLException e) {
            LOG.debug("Replica check: the primary's WAL position is unavailable: {}", e.getMessage());
        }
        while (samples.size() > 1 && now - samples.peekFirst().nanos() > windowNanos) {
            samples.removeFirst();
        }
    }

    private void check(Replica replica) {
        boolean inRecovery;
        long replayed;
        try (Connection c = replica.pool().getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            try (ResultSet rs = s.executeQuery(QUESTION)) {
                rs.next();
                inRecovery = rs.getBoolean(1);
                replayed = rs.getLong(2);
            }
        } catch (SQLException e) {
            leave(replica, null, "unreachable: " + Redaction.scrub(e.getMessage(), replica.target().secrets()));
            return;
        }
        if (!inRecovery) {
            leave(replica, null, "not in recovery (promoted, or not a standby): reading there could miss writes");
            return;
        }
        replica.replayed(replayed);
        Duration lag = lag(replayed);
        if (lag.compareTo(maxLag) > 0) {
            leave(replica, lag, "replay lag " + lag.toMillis() + " ms exceeds " + maxLag.toMillis() + " ms");
        } else {
            if (!replica.inRotation()) {
                LOG.info("Read replica {} is back in the rotation (replay lag {} ms)", replica.name(), lag.toMillis());
            }
            replica.healthy(lag);
        }
    }

    private Duration lag(long replayed) {
        long now = System.nanoTime();
        for (Sample sample : samples) {
            if (sample.position() > replayed) {
                return Duration.ofNanos(now - sample.nanos());
            }
        }
        return Duration.ZERO;
    }

    private static void leave(Replica replica, Duration lag, String reason) {
        boolean wasIn = replica.inRotation();
        if (wasIn || !kind(reason).equals(kind(replica.problem()))) {
            LOG.warn("Read replica {} {} the rotation: {}; reads go to the other replicas or the primary",
                    replica.name(), wasIn ? "leaves" : "stays out of", reason);
        }
        replica.unhealthy(lag, reason);
    }

    /** Lag figures and error details change every round: only a new kind of problem is worth another line. */
    private static String kind(String problem) {
        return problem == null ? "" : problem.split("[:0-9]", 2)[0];
    }
}
