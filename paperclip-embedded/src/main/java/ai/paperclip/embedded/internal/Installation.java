package ai.paperclip.embedded.internal;

import java.nio.file.Path;

/**
 * An unpacked PostgreSQL: {@code bin/}, {@code lib/}, {@code share/} under {@code directory}.
 *
 * @param directory the installation root
 * @param version   the full version, for example {@code 18.3}
 * @param key       a short stable identity of the binaries, used to key cluster templates
 */
public record Installation(Path directory, String version, String key) {

    public Path bin(String program) {
        return directory.resolve("bin").resolve(program);
    }

    /** The major version as PostgreSQL writes it to {@code PG_VERSION} (for example {@code 18}). */
    public String majorVersion() {
        int dot = version.indexOf('.');
        return dot < 0 ? version : version.substring(0, dot);
    }
}
