package ai.paperclip.db.testing;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generated connection strings, well-formed and not, each with a distinctive password: one to three
 * random 10-character segments joined by characters that break naive parsers ({@code @ / ? : # %}...).
 * A leak is any segment in the output; a segment is random enough that it appears nowhere by chance.
 * Hosts are 127.0.0.1 on a port nothing listens on, so a connection attempt is refused at once.
 */
public final class SecretUrls {

    /** A connection string and the segments of its password, none of which may ever be printed. */
    public record SecretUrl(String url, List<String> segments) {

        /** The first segment found in {@code text}, or null. */
        public String leakIn(String text) {
            return segments.stream().filter(text::contains).findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return url;
        }
    }

    /** Finds every place a segment could start (overlapping), for scanning large texts in one pass. */
    public static final Pattern SEGMENT_ANYWHERE = Pattern.compile("(?=(Q[A-Za-z0-9]{9}))");

    /** A port on 127.0.0.1 where nothing listens. */
    public static final int REFUSED_PORT = refusedPort();

    // Characters that end or split a URL part; all of them appear inside generated passwords.
    private static final List<String> URL_SEPARATORS = List.of("@", "/", "?", ":", "#", "%", "=", "[", "]", ",",
            "%40", "%2F", "!", "$", "'", "\"", " ", "\\");
    // A password in a parameter ends at '&', ';' or a blank in every reading, so none of those inside it.
    private static final List<String> PARAMETER_SEPARATORS = List.of("@", "/", "?", ":", "%", "=", ",", "%40", "!", "$");

    private static final List<String> SCHEMES = List.of("postgres://", "postgresql://", "jdbc:postgresql://",
            "", "//", "postgres:/", "postgres//", "postgres:", "mysql://", "jdbc:postgresql:", "POSTGRES://");
    private static final List<String> HOSTS = List.of("127.0.0.1:" + REFUSED_PORT, "127.0.0.1:" + REFUSED_PORT
            + ",127.0.0.1:" + REFUSED_PORT, "[127.0.0.1]:" + REFUSED_PORT, "127.0.0.1:notaport", "127.0.0.1");
    private static final List<String> TAILS = List.of("/paperclip", "/paperclip?sslmode=disable", "",
            "/paperclip?options=a@b", "/db?connect_timeout=1&application_name=x", "/");

    private SecretUrls() {
    }

    /** Every form: password in the userinfo, in a {@code password=} parameter, in a keyword/value string. */
    public static Arbitrary<SecretUrl> any() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, inUserInfo()),
                net.jqwik.api.Tuple.of(2, inParameter()),
                net.jqwik.api.Tuple.of(1, keywordValue()));
    }

    private static Arbitrary<SecretUrl> inUserInfo() {
        return Combinators.combine(Arbitraries.of(SCHEMES), user(), password(URL_SEPARATORS), Arbitraries.of(HOSTS),
                Arbitraries.of(TAILS)).as((scheme, user, password, host, tail) ->
                new SecretUrl(scheme + user + ":" + password.text() + "@" + host + tail, password.segments()));
    }

    private static Arbitrary<SecretUrl> inParameter() {
        return Combinators.combine(Arbitraries.of(SCHEMES), user(), password(PARAMETER_SEPARATORS),
                Arbitraries.of(HOSTS), Arbitraries.of("password", "PASSWORD", "sslpassword"), Arbitraries.of(true, false))
                .as((scheme, user, password, host, key, first) -> new SecretUrl(scheme + host + "/paperclip?"
                        + (first ? "" : "user=" + user + "&") + key + "=" + password.text() + (first ? "&user=" + user : ""),
                        password.segments()));
    }

    private static Arbitrary<SecretUrl> keywordValue() {
        return Combinators.combine(user(), password(PARAMETER_SEPARATORS), Arbitraries.of(true, false))
                .as((user, password, quoted) -> new SecretUrl("host=127.0.0.1 port=" + REFUSED_PORT + " user=" + user
                        + " password=" + (quoted ? "'" + password.text() + "'" : password.text()) + " dbname=paperclip",
                        password.segments()));
    }

    private static Arbitrary<String> user() {
        return Arbitraries.of("app", "paperclip", "u", "");
    }

    private record Password(String text, List<String> segments) {
    }

    private static Arbitrary<Password> password(List<String> separators) {
        Arbitrary<String> segment = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
                .withCharRange('0', '9').ofLength(10).map(s -> "Q" + s.substring(1)); // never a hex pair after '%'
        Arbitrary<String> separator = Arbitraries.of(separators);
        return Combinators.combine(segment.list().ofMinSize(1).ofMaxSize(3), separator.list().ofSize(3))
                .as((segments, seps) -> {
                    StringBuilder text = new StringBuilder(segments.get(0));
                    for (int i = 1; i < segments.size(); i++) {
                        text.append(seps.get(i)).append(segments.get(i));
                    }
                    return new Password(text.toString(), segments);
                });
    }

    /** Message, causes, suppressed and stack trace of {@code failure}, as a log or a terminal shows them. */
    public static String fullText(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    private static int refusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
