package ai.paperclip.schema.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which default expressions PostgreSQL must compute row by row. Since PostgreSQL 11 {@code ADD COLUMN}
 * with a non-volatile default only records the value in the catalog; with a volatile one
 * ({@code gen_random_uuid()}, {@code clock_timestamp()}, a sequence) it rewrites the whole table under an
 * {@code ACCESS EXCLUSIVE} lock. Used by the generator's warnings and by the lint; a hand-kept list
 * because deciding volatility for real needs the server's {@code pg_proc.provolatile}.
 */
public final class Volatility {

    /** Built-in and common extension functions marked VOLATILE in pg_proc that appear in defaults. */
    private static final Set<String> VOLATILE = Set.of("gen_random_uuid", "uuid_generate_v1", "uuid_generate_v1mc",
            "uuid_generate_v4", "uuidv4", "uuidv7", "random", "random_normal", "clock_timestamp", "timeofday",
            "nextval", "txid_current", "pg_current_xact_id", "setseed");

    private static final Pattern CALL = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");

    private Volatility() {
    }

    /** The first volatile function {@code expression} calls, or {@code null} when it calls none. */
    public static String volatileFunction(String expression) {
        if (expression == null) {
            return null;
        }
        Matcher m = CALL.matcher(expression);
        while (m.find()) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            if (VOLATILE.contains(name)) {
                return name + "()";
            }
        }
        return null;
    }
}
