package ai.paperclip.migrate.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generated connection strings, well-formed and not, each with a distinctive password: one to three
 * random segments ("Q" and 9 letters or digits) joined by characters that break naive parsers. A leak
 * is any segment in the output. Hosts are 127.0.0.1 on a port nothing listens on. (paperclip-db's tests
 * have the same generator; test classes are not shared between modules.)
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

    /** A port on 127.0.0.1 where nothing listens. */
    public static final int REFUSED_PORT = refusedPort();

    private static final List<String> URL_SEPARATORS = List.of("@", "/", "?", ":", "#", "%", "=", "[", "]", ",",
            "%40", "!", "$", "'", "\"", " ", "\\");
    private static final List<String> PARAMETER_SEPARATORS = List.of("@", "/", "?", ":", "%", "=", ",", "!", "$");
    private static final List<String> SCHEMES = List.of("postgres://", "postgresql://", "jdbc:postgresql://",
            "", "//", "postgres:/", "postgres//", "postgres:", "jdbc:postgresql:");
    private static final List<String> HOSTS = List.of("127.0.0.1:" + REFUSED_PORT, "127.0.0.1:notaport",
            "[127.0.0.1]:" + REFUSED_PORT);
    private static final List<String> TAILS = List.of("/paperclip", "", "/paperclip?options=a@b", "/db?sslmode=disable");

    private SecretUrls() {
    }

    /** Password in the userinfo, or in a {@code password=} parameter. */
    public static Arbitrary<SecretUrl> any() {
        Arbitrary<SecretUrl> inUserInfo = Combinators.combine(Arbitraries.of(SCHEMES), password(URL_SEPARATORS),
                Arbitraries.of(HOSTS), Arbitraries.of(TAILS)).as((scheme, password, host, tail) ->
                new SecretUrl(scheme + "app:" + password.text() + "@" + host + tail, password.segments()));
        Arbitrary<SecretUrl> inParameter = Combinators.combine(Arbitraries.of(SCHEMES), password(PARAMETER_SEPARATORS),
                Arbitraries.of(HOSTS)).as((scheme, password, host) ->
                new SecretUrl(scheme + host + "/paperclip?user=app&password=" + password.text(), password.segments()));
        return Arbitraries.frequencyOf(Tuple.of(3, inUserInfo), Tuple.of(1, inParameter));
    }

    private record Password(String text, List<String> segments) {
    }

    private static Arbitrary<Password> password(List<String> separators) {
        Arbitrary<String> segment = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
                .withCharRange('0', '9').ofLength(9).map(s -> "Q" + s);
        return Combinators.combine(segment.list().ofMinSize(1).ofMaxSize(3), Arbitraries.of(separators).list().ofSize(3))
                .as((segments, seps) -> {
                    StringBuilder text = new StringBuilder(segments.get(0));
                    for (int i = 1; i < segments.size(); i++) {
                        text.append(seps.get(i)).append(segments.get(i));
                    }
                    return new Password(text.toString(), segments);
                });
    }

    private static int refusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
