package ai.paperclip.db.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one redaction function: every URL or connection string that reaches a message, a log line or a
 * {@code toString()} goes through {@link #url(String)}; every text that may quote a part of one (a
 * driver's message, a parser's complaint) goes through {@link #scrub(String, Collection)} with the
 * secrets {@link #secretsOf(String)} found in it.
 *
 * <p>It must work on malformed input too (that is when URLs are echoed in errors), so it does not parse
 * and does not rely on {@code ://}: after an optional scheme ({@code postgres:}, {@code jdbc:postgresql:})
 * and any slashes comes the user; everything from the first {@code :} after it to the {@code @} ending
 * the userinfo is masked, erring towards masking too much (part of the host) rather than too little.
 * Hand-written because no library redacts malformed connection strings; parsing them is what fails.
 */
public final class Redaction {

    /** What a secret is replaced with. */
    public static final String MASK = "***";

    /** Secrets shorter than this are not scrubbed out of free text: it would garble every message. */
    static final int MIN_SCRUBBED_LENGTH = 3;

    // password=..., sslpassword=... in a query string or a libpq keyword/value string; quoted values too.
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile(
            "(?i)((?:^|[?&;\\s])(?:ssl)?password\\s*=\\s*)('(?:[^'\\\\]|\\\\.)*'?|[^&;\\s]*)");
    // A scheme counts only when a '/' follows it, so that "user:secret@host" is not read as scheme "user:";
    // host[:port] or [v6][:port], comma-separated: what may stand between the scheme and the path or query.
    private static final Pattern HOST_LIST = Pattern.compile(
            "(?:\\[[^\\]/?]*\\]|[^:,/?@\\[\\]]*)(?::[0-9]*)?(?:,(?:\\[[^\\]/?]*\\]|[^:,/?@\\[\\]]*)(?::[0-9]*)?)*");
    // "postgres//" (the ':' lost) counts as a scheme too.
    private static final Pattern SCHEME = Pattern.compile("(?i)jdbc:postgresql:|[a-z][a-z0-9+.-]*(?::(?=/)|(?=//))");

    private Redaction() {
    }

    /**
     * Returns {@code url} with its password (userinfo or {@code password=} parameter) replaced by
     * {@value #MASK}; {@code null} stays {@code null}. Any string is accepted.
     */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        // Parameters first: a password parameter may hold an '@', which would end the userinfo search there.
        String masked = maskParameters(url);
        int[] span = passwordSpan(masked);
        return span == null ? masked : masked.substring(0, span[0]) + MASK + masked.substring(span[1]);
    }

    /**
     * The secrets {@link #url} masks in {@code url}, as written and decoded (percent- and
     * form-decoding), for scrubbing texts that may quote them; empty for {@code null}.
     */
    public static Set<String> secretsOf(String url) {
        Set<String> secrets = new LinkedHashSet<>();
        if (url == null) {
            return secrets;
        }
        String parametersMasked = maskParameters(url);
        int[] span = passwordSpan(parametersMasked);
        if (span != null) {
            addWithDecodings(secrets, parametersMasked.substring(span[0], span[1]));
        }
        Matcher matcher = PASSWORD_PARAMETER.matcher(url);
        while (matcher.find()) {
            String value = matcher.group(2);
            addWithDecodings(secrets, value);
            if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
                addWithDecodings(secrets, value.substring(1, value.length() - 1).replaceAll("\\\\(.)", "$1"));
            }
        }
        return secrets;
    }

    /** {@code text} with every occurrence of each secret (longest first) replaced by {@value #MASK}. */
    public static String scrub(String text, Collection<String> secrets) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        List<String> ordered = new ArrayList<>(secrets);
        ordered.sort(Comparator.comparingInt(String::length).reversed());
        String result = text;
        for (String secret : ordered) {
            if (secret != null && secret.length() >= MIN_SCRUBBED_LENGTH) {
                result = result.replace(secret, MASK);
            }
        }
        return result;
    }

    /**
     * The start (inclusive) and end (exclusive) of the userinfo password in {@code url}, or null when
     * there is none: from the first ':' after the user to the '@' ending the userinfo.
     */
    private static int[] passwordSpan(String url) {
        Matcher scheme = SCHEME.matcher(url);
        int start = scheme.lookingAt() ? scheme.end() : 0;
        while (start < url.length() && url.charAt(start) == '/') {
            start++;
        }
        int at = userInfoEnd(url, start);
        if (at < 0) {
            return null;
        }
        int colon = url.indexOf(':', start);
        if (colon < 0 || colon > at) {
            return null; // a user name without a password
        }
        return new int[] {colon + 1, at};
    }

    /**
     * The '@' ending the userinfo in {@code url} (searching from {@code start}), or -1. Passwords may
     * hold unencoded '@', '/' and '?': the last '@' of all ends the userinfo, unless what precedes the
     * first '/' or '?' is a plain host list and every '@' after the first '?' sits inside a
     * {@code name=value} parameter value (as in {@code h:5432/db?options=a@b}); then it is the last '@'
     * before that '?'. Also how {@code LibpqUri} splits, so parsing and masking agree.
     */
    static int userInfoEnd(String original, int start) {
        // An '@' inside a password parameter's value is no userinfo end: search with those values blanked.
        String url = blankParameterValues(original);
        int last = url.lastIndexOf('@');
        if (last < start) {
            return -1;
        }
        int question = url.indexOf('?', start);
        if (question >= 0 && last > question && atsAreParameterValues(url.substring(question + 1))
                && HOST_LIST.matcher(authority(url, start, question)).matches()) {
            int at = url.lastIndexOf('@', question);
            return at >= start ? at : -1;
        }
        return last;
    }

    // The hosts: what follows any userinfo, up to the first '/' or '?'.
    private static String authority(String url, int start, int question) {
        int slash = url.indexOf('/', start);
        String authority = url.substring(start, slash >= 0 && slash < question ? slash : question);
        return authority.substring(authority.lastIndexOf('@') + 1);
    }

    private static boolean atsAreParameterValues(String query) {
        for (String parameter : query.split("[&;]")) {
            int at = parameter.indexOf('@');
            int equals = parameter.indexOf('=');
            if (at >= 0 && (equals < 1 || equals > at)) {
                return false;
            }
        }
        return true;
    }

    private static String blankParameterValues(String url) {
        Matcher matcher = PASSWORD_PARAMETER.matcher(url);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(1) + "x".repeat(matcher.group(2).length())));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String maskParameters(String url) {
        Matcher matcher = PASSWORD_PARAMETER.matcher(url);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(1) + MASK));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static void addWithDecodings(Set<String> secrets, String raw) {
        if (raw.isEmpty()) {
            return;
        }
        secrets.add(raw);
        String percent = PercentDecoder.decode(raw);
        if (percent != null) {
            secrets.add(percent);
        }
        try {
            secrets.add(URLDecoder.decode(raw, StandardCharsets.UTF_8)); // how pgJDBC decodes parameters
        } catch (IllegalArgumentException e) {
            // not form-encoded: the raw text is the secret
        }
    }
}
