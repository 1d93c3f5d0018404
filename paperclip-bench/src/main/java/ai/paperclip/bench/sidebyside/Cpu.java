package ai.paperclip.bench.sidebyside;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU used during a measured part, as % of one core, as the peer reports it: this JVM ({@code client}) and
 * the PostgreSQL server (the postmaster and its children, read from Linux's /proc; 0 elsewhere).
 */
final class Cpu {

    private static final double TICKS_PER_SECOND = 100;   // USER_HZ on Linux

    private final long serverPid;
    private final long wall0;
    private final long client0;
    private final double server0;

    private Cpu(long serverPid) {
        this.serverPid = serverPid;
        this.wall0 = System.nanoTime();
        this.client0 = clientNanos();
        this.server0 = serverSeconds(serverPid);
    }

    static Cpu start(long serverPid) {
        return new Cpu(serverPid);
    }

    void into(Figures r, String prefix) {
        double wall = (System.nanoTime() - wall0) / 1e9;
        r.put(prefix + "_client_cpu_pct", (long) Math.round(100 * (clientNanos() - client0) / 1e9 / wall));
        r.put(prefix + "_server_cpu_pct", (long) Math.round(100 * (serverSeconds(serverPid) - server0) / wall));
    }

    private static long clientNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** utime + stime (+ those of reaped children) of the postmaster and its live children, in seconds. */
    private static double serverSeconds(long postmaster) {
        double total = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                if (!p.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(p.getFileName().toString());
                    if (pid == postmaster || Long.parseLong(f[1]) == postmaster) {
                        total += (Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13])
                                + Long.parseLong(f[14])) / TICKS_PER_SECOND;
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return total;
    }
}
