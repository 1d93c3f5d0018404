package ai.paperclip.bench.sidebyside;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One run's figures, printed as the single JSON line the peer harness prints per run (same workload and
 * figure names where the two measure the same thing), so one summary reads both sides.
 */
final class Figures {

    private final Map<String, Object> values = new LinkedHashMap<>();

    Figures(String workload) {
        values.put("workload", workload);
    }

    /** Milliseconds since the JVM was launched: the counterpart of the peer's {@code performance.now()}. */
    static double sinceLaunch() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    static double millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e6;
    }

    Figures put(String name, double millis) {
        values.put(name, Math.round(millis * 100) / 100.0);
        return this;
    }

    Figures put(String name, long count) {
        values.put(name, count);
        return this;
    }

    Figures put(String name, String text) {
        values.put(name, text);
        return this;
    }

    /** The figures as one JSON object (numbers unquoted). */
    String json() {
        return values.entrySet().stream().map(e -> quote(e.getKey()) + ":" + value(e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** The one line on stdout a run produces; everything else goes to stderr. */
    void emit() {
        System.out.println(json());
        System.out.flush();
    }

    private static String value(Object v) {
        if (v instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : String.format(Locale.ROOT, "%s", d);
        }
        return v instanceof Long ? v.toString() : quote(v.toString());
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> b.append(c < 0x20 ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.append('"').toString();
    }
}
