package ai.paperclip.db.internal;

import ai.paperclip.db.InvalidUrlException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code DATABASE_READ_URL} as one {@link ConnectionTarget} per replica. A host list is several replicas
 * here (each gets its own pool and health), not libpq's failover list: pgJDBC would otherwise pin every
 * connection to the first host that answers.
 */
public final class ReadUrls {

    /** A comma that starts another URL, as opposed to the commas of a host list. */
    private static final Pattern NEXT_URL = Pattern.compile(",\\s*(?=(?i)(postgres|postgresql|jdbc:postgresql)://)");

    private ReadUrls() {
    }

    /** The replicas {@code readUrl} names, in order. */
    public static List<ConnectionTarget> split(String readUrl) {
        List<ConnectionTarget> replicas = new ArrayList<>();
        for (String url : NEXT_URL.split(readUrl.strip())) {
            ConnectionTarget target;
            try {
                target = ConnectionUrls.parse(url);
            } catch (InvalidUrlException e) {
                throw new InvalidUrlException("readUrl (DATABASE_READ_URL): " + e.getMessage());
            }
            replicas.addAll(perHost(target));
        }
        return replicas;
    }

    private static List<ConnectionTarget> perHost(ConnectionTarget target) {
        String jdbc = target.jdbcUrl();
        int start = jdbc.indexOf("//");
        if (start < 0) {
            return List.of(target); // jdbc:postgresql:database: the driver's default host, one replica
        }
        int end = jdbc.indexOf('/', start + 2);
        int query = jdbc.indexOf('?', start + 2);
        if (end < 0 || (query >= 0 && query < end)) {
            end = query < 0 ? jdbc.length() : query;
        }
        String[] hosts = jdbc.substring(start + 2, end).split(",");
        if (hosts.length == 1) {
            return List.of(target);
        }
        List<ConnectionTarget> targets = new ArrayList<>();
        for (String host : hosts) {
            String single = jdbc.substring(0, start + 2) + host + jdbc.substring(end);
            targets.add(new ConnectionTarget(single, target.properties(), target.redactedUrl() + " (host " + host + ")"));
        }
        return targets;
    }

    /** A short name for a replica in logs, health and metrics: {@code host:port} of its URL. */
    public static String hostOf(ConnectionTarget target) {
        String jdbc = target.jdbcUrl();
        int start = jdbc.indexOf("//");
        if (start < 0) {
            return "localhost:5432";
        }
        int end = start + 2;
        while (end < jdbc.length() && jdbc.charAt(end) != '/' && jdbc.charAt(end) != '?') {
            end++;
        }
        String host = jdbc.substring(start + 2, end);
        return host.contains(":") && !host.endsWith("]") ? host : host + ":5432";
    }
}
