package ai.paperclip.bench.sidebyside;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs n operations on some threads, as the peer's runWorkers: per-call latency, ops/s, p50/p99/mean. */
final class Latencies {

    /** One operation, by index. */
    interface Op {
        void run(int i) throws Exception;
    }

    final double opsPerSecond;
    final double p50;
    final double p99;
    final double mean;

    private Latencies(double opsPerSecond, double p50, double p99, double mean) {
        this.opsPerSecond = opsPerSecond;
        this.p50 = p50;
        this.p99 = p99;
        this.mean = mean;
    }

    static Latencies run(int n, int workers, Op op) throws Exception {
        double[] lat = new double[n];
        AtomicInteger next = new AtomicInteger();
        Exception[] failure = new Exception[1];
        Thread[] threads = new Thread[workers];
        long t0 = System.nanoTime();
        for (int w = 0; w < workers; w++) {
            threads[w] = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    long s = System.nanoTime();
                    try {
                        op.run(i);
                    } catch (Exception e) {
                        synchronized (failure) {
                            failure[0] = e;
                        }
                        return;
                    }
                    lat[i] = (System.nanoTime() - s) / 1e6;
                }
            });
            threads[w].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double wall = (System.nanoTime() - t0) / 1e6;
        if (failure[0] != null) {
            throw failure[0];
        }
        double[] sorted = lat.clone();
        Arrays.sort(sorted);
        return new Latencies(Math.round(n / (wall / 1000)), sorted[(int) Math.floor(0.5 * (n - 1))],
                sorted[(int) Math.floor(0.99 * (n - 1))], Arrays.stream(lat).average().orElse(0));
    }

    void into(Figures r, String prefix) {
        r.put(prefix + "_ops_per_s", (long) opsPerSecond).put(prefix + "_p50_ms", p50).put(prefix + "_p99_ms", p99)
                .put(prefix + "_mean_ms", mean);
    }
}
