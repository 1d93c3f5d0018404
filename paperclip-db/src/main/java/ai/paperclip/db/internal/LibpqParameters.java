package ai.paperclip.db.internal;

import ai.paperclip.db.InvalidUrlException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

/**
 * The query parameters of a libpq URI that pgJDBC can honour, and their pgJDBC property names and
 * values. Anything else is refused (as libpq refuses unknown parameters) rather than silently dropped:
 * a dropped {@code sslmode} would be a security bug.
 */
final class LibpqParameters {

    /** Removed again by the caller: the database is part of the URL path in pgJDBC. */
    static final String DBNAME = "dbname";

    private static final Set<String> SSL_MODES =
            Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");
    private static final Set<String> DISABLE_PREFER_REQUIRE = Set.of("disable", "prefer", "require");
    private static final Set<String> SECRETS = Set.of("password", "sslpassword");

    /** libpq name -> pgJDBC name; values are checked and translated in {@link #translate}. */
    private static final Map<String, String> NAMES = names();

    private final Function<String, InvalidUrlException> invalid;

    LibpqParameters(Function<String, InvalidUrlException> invalid) {
        this.invalid = invalid;
    }

    private static Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("user", "user");
        names.put("password", "password");
        names.put("dbname", DBNAME);
        names.put("sslmode", "sslmode");
        names.put("sslcert", "sslcert");
        names.put("sslkey", "sslkey");
        names.put("sslrootcert", "sslrootcert");
        names.put("sslpassword", "sslpassword");
        names.put("sslnegotiation", "sslNegotiation");
        names.put("channel_binding", "channelBinding");
        names.put("gssencmode", "gssEncMode");
        names.put("application_name", "ApplicationName");
        names.put("fallback_application_name", "ApplicationName");
        names.put("options", "options");
        names.put("connect_timeout", "connectTimeout");
        names.put("keepalives", "tcpKeepAlive");
        names.put("target_session_attrs", "targetServerType");
        names.put("load_balance_hosts", "loadBalanceHosts");
        return names;
    }

    void apply(String query, Properties properties) {
        if (query.isEmpty()) {
            return;
        }
        String fallbackApplicationName = null;
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals == 0) {
                throw invalid.apply("a parameter has an empty name");
            }
            if (equals < 0) {
                throw invalid.apply("the parameter '" + pair + "' has no value (write name=value)");
            }
            String name = decode(pair.substring(0, equals), "a parameter name", false);
            String pgjdbcName = NAMES.get(name);
            if (pgjdbcName == null) {
                throw invalid.apply("the parameter '" + name + "' is not supported; supported: "
                        + String.join(", ", NAMES.keySet()));
            }
            String value = decode(pair.substring(equals + 1), "the value of " + name, SECRETS.contains(name));
            if (name.equals("fallback_application_name")) {
                fallbackApplicationName = value;
            } else {
                properties.setProperty(pgjdbcName, translate(name, value));
            }
        }
        if (fallbackApplicationName != null && !properties.containsKey("ApplicationName")) {
            properties.setProperty("ApplicationName", fallbackApplicationName);
        }
    }

    private String translate(String name, String value) {
        switch (name) {
            case "sslmode":
                return oneOf(name, value, SSL_MODES);
            case "channel_binding":
            case "gssencmode":
                return oneOf(name, value, DISABLE_PREFER_REQUIRE);
            case "sslnegotiation":
                return oneOf(name, value, Set.of("postgres", "direct"));
            case "keepalives":
                return oneOf(name, value, Set.of("0", "1")).equals("1") ? "true" : "false";
            case "load_balance_hosts":
                return oneOf(name, value, Set.of("disable", "random")).equals("random") ? "true" : "false";
            case "connect_timeout":
                if (!value.matches("[0-9]{1,6}")) {
                    throw invalid.apply("connect_timeout '" + value + "' is not a number of seconds");
                }
                return value;
            case "target_session_attrs":
                return targetServerType(value);
            default:
                return value;
        }
    }

    private String targetServerType(String value) {
        switch (value) {
            case "any":
                return "any";
            case "read-write":
            case "primary":
                return "primary";
            case "read-only":
            case "standby":
                return "secondary";
            case "prefer-standby":
                return "preferSecondary";
            default:
                throw invalid.apply("target_session_attrs '" + value + "' is not one of any, read-write,"
                        + " read-only, primary, standby, prefer-standby");
        }
    }

    private String oneOf(String name, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw invalid.apply(name + " '" + value + "' is not one of "
                    + String.join(", ", allowed.stream().sorted().toList()));
        }
        return value;
    }

    private String decode(String text, String what, boolean secret) {
        String decoded = PercentDecoder.decode(text);
        if (decoded == null) {
            throw invalid.apply(what + (secret ? "" : " '" + text + "'")
                    + " has bad percent-encoding: write '%' as %25 and reserved characters as %XX (UTF-8)");
        }
        return decoded;
    }
}
