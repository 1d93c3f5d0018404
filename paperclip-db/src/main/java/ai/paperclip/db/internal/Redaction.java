package ai.paperclip.db.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one redaction function: every URL or connection string that reaches a message, a log line or a
 * {@code toString()} goes through {@link #url(String)}.
 *
 * <p>It must work on malformed input too (that is when URLs are echoed in errors), so it does not parse:
 * it masks everything that could be a password, erring towards masking too much.
 */
public final class Redaction {

    /** What a secret is replaced with. */
    public static final String MASK = "***";

    // password=..., sslpassword=... in a query string or a libpq keyword/value string; quoted values too.
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile(
            "(?i)((?:^|[?&;\\s])(?:ssl)?password\\s*=\\s*)('(?:[^'\\\\]|\\\\.)*'?|[^&;\\s]*)");

    private Redaction() {
    }

    /**
     * Returns {@code url} with its password (userinfo or {@code password=} parameter) replaced by
     * {@value #MASK}; {@code null} stays {@code null}.
     */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        return maskParameters(maskUserInfo(url));
    }

    private static String maskUserInfo(String url) {
        int schemeEnd = url.indexOf("://");
        if (schemeEnd < 0) {
            return url;
        }
        int authorityStart = schemeEnd + 3;
        int at = userInfoEnd(url, authorityStart);
        if (at < 0) {
            return url;
        }
        int colon = url.indexOf(':', authorityStart);
        if (colon < 0 || colon > at) {
            return url; // a user name without a password
        }
        return url.substring(0, colon + 1) + MASK + url.substring(at);
    }

    // The '@' ending the userinfo. Passwords may hold unencoded '@', '/' or '?': prefer the last '@'
    // before the first '?', else the last '@' at all (masking part of the host beats leaking a secret).
    private static int userInfoEnd(String url, int authorityStart) {
        int question = url.indexOf('?', authorityStart);
        if (question >= 0) {
            int at = url.lastIndexOf('@', question);
            if (at >= authorityStart) {
                return at;
            }
        }
        int at = url.lastIndexOf('@');
        return at >= authorityStart ? at : -1;
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
}
