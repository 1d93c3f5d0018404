package ai.paperclip.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * Archives built to escape their target directory are refused, and nothing appears outside it: every
 * test extracts into {@code sandbox/target} and then lists all of {@code sandbox}.
 */
class MaliciousArchiveTest {

    @TempDir
    Path sandbox;

    @Test
    void refusesAnEntryThatClimbsOut() throws IOException {
        assertRefused(tar(file("../x", "escaped")), "../x", "climbs out");
    }

    @Test
    void refusesAnEntryThatClimbsOutFromInside() throws IOException {
        assertRefused(tar(file("bin/../../x", "escaped")), "bin/../../x", "climbs out");
    }

    @Test
    void refusesAnAbsolutePath() throws IOException {
        Path outside = sandbox.resolve("absolute");
        assertRefused(tar(file(outside.toString(), "escaped")), outside.toString(), "absolute path");
        assertThat(outside).doesNotExist();
    }

    @Test
    void refusesASymbolicLinkLeadingOutside() throws IOException {
        assertRefused(tar(symlink("lib/evil", "../../outside")), "lib/evil", "symbolic link");
    }

    @Test
    void refusesAnAbsoluteSymbolicLink() throws IOException {
        assertRefused(tar(symlink("etc", "/etc")), "etc", "absolute path");
    }

    @Test
    void refusesWritingThroughALinkExtractedEarlier() throws IOException {
        // "a -> ." is harmless; "a/b -> .." is lexically inside (target/a/..) but physically target/..
        assertRefused(tar(symlink("a", "."), symlink("a/b", "..")), "a/b", "climbs out");
    }

    @Test
    void refusesALinkWhoseNameBeforeDotDotBecomesALinkLater() throws IOException {
        assertRefused(tar(symlink("y", "x/.."), symlink("x", ".")), "y", "not extracted yet");
    }

    @Test
    void refusesAHardLinkLeadingOutside() throws IOException {
        Path secret = Files.writeString(sandbox.resolve("secret.txt"), "top secret");
        assertRefused(tar(hardlink("copy", "../secret.txt")), "copy", "climbs out");
        assertThat(Files.readString(secret)).isEqualTo("top secret");
    }

    @Test
    void refusesAHardLinkThroughASymbolicLink() throws IOException {
        Files.writeString(sandbox.resolve("secret.txt"), "top secret");
        Path target = sandbox.resolve("target");
        Files.createDirectories(target);
        Files.createSymbolicLink(target.resolve("up"), sandbox);   // planted before extraction
        assertThatThrownBy(() -> extract(tar(hardlink("copy", "up/secret.txt")), target))
                .isInstanceOf(UnsafeArchiveException.class)
                .hasMessageContaining("copy");
        assertThat(target.resolve("copy")).doesNotExist();
    }

    @Test
    void refusesADeviceEntry() throws IOException {
        TarArchiveEntry device = new TarArchiveEntry("null", TarArchiveEntry.LF_CHR);
        assertRefused(tar(new Entry(device, null)), "null", "special file");
    }

    @Test
    void extractsAnOrdinaryArchiveWithLinksAndModes() throws IOException {
        Path target = sandbox.resolve("target");
        TarArchiveEntry dir = new TarArchiveEntry("bin/");
        TarArchiveEntry exe = new TarArchiveEntry("bin/postgres");
        exe.setMode(0755);
        extract(tar(new Entry(dir, null), new Entry(exe, "#!/bin/sh\n"), symlink("lib/libpq.so", "libpq.so.5"),
                file("lib/libpq.so.5", "library"), hardlink("bin/pg_ctl", "bin/postgres"),
                symlink("share/bin", "../bin")), target);
        assertThat(Files.isExecutable(target.resolve("bin/postgres"))).isTrue();
        assertThat(Files.readString(target.resolve("lib/libpq.so"))).isEqualTo("library");
        assertThat(Files.readString(target.resolve("bin/pg_ctl"))).isEqualTo("#!/bin/sh\n");
        assertThat(Files.isSymbolicLink(target.resolve("share/bin"))).isTrue();
        assertThat(outsideTarget()).isEmpty();
    }

    @Test
    void fromArchiveRefusesAMaliciousBinariesArchive() throws IOException {
        Path archive = sandbox.resolve("evil.txz");
        try (OutputStream out = new XZOutputStream(Files.newOutputStream(archive), new LZMA2Options())) {
            out.write(tar(file("bin/postgres", "x"), file("../../../pwned", "escaped")));
        }
        Path cache = sandbox.resolve("cache");
        EmbeddedPostgresOptions options = EmbeddedPostgres.builder()
                .instanceHome(InstanceHome.of(sandbox.resolve("home"), "evil"))
                .binaries(PostgresBinaries.fromArchive(archive))
                .cacheDirectory(cache)
                .registerShutdownHook(false)
                .build();
        assertThatThrownBy(() -> EmbeddedPostgres.start(options))
                .isInstanceOf(PostgresStartException.class)
                .hasMessageContaining("../../../pwned")
                .hasMessageContaining("climbs out");
        try (Stream<Path> all = Files.walk(sandbox.getParent(), 1)) {
            assertThat(all.map(p -> p.getFileName().toString())).doesNotContain("pwned");
        }
        assertThat(sandbox.resolve("pwned")).doesNotExist();
        try (Stream<Path> inCache = Files.list(cache)) {
            assertThat(inCache).as("the half-extracted temporary directory is removed").isEmpty();
        }
    }

    private void assertRefused(byte[] tar, String entry, String problem) throws IOException {
        Path target = sandbox.resolve("target");
        assertThatThrownBy(() -> extract(tar, target))
                .isInstanceOf(UnsafeArchiveException.class)
                .hasMessageContaining("'" + entry + "'")
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(((UnsafeArchiveException) e).entry()).isEqualTo(entry));
        assertThat(outsideTarget()).as("nothing written outside the target").isEmpty();
    }

    /** Everything in the sandbox that is not the target, its contents, or a file the test planted. */
    private List<Path> outsideTarget() throws IOException {
        try (Stream<Path> all = Files.walk(sandbox)) {
            return all.filter(p -> !p.equals(sandbox) && !p.startsWith(sandbox.resolve("target"))
                    && !p.getFileName().toString().equals("secret.txt")).toList();
        }
    }

    private static void extract(byte[] tar, Path target) throws IOException {
        try (InputStream in = new ByteArrayInputStream(tar)) {
            TarArchives.extract(in, target);
        }
    }

    private record Entry(TarArchiveEntry header, String content) {
    }

    private static Entry file(String name, String content) {
        TarArchiveEntry entry = new TarArchiveEntry(name, true);   // preserve "../" and leading "/"
        entry.setMode(0644);
        return new Entry(entry, content);
    }

    private static Entry symlink(String name, String target) {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK, true);
        entry.setLinkName(target);
        return new Entry(entry, null);
    }

    private static Entry hardlink(String name, String target) {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarArchiveEntry.LF_LINK, true);
        entry.setLinkName(target);
        return new Entry(entry, null);
    }

    private static byte[] tar(Entry... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Entry e : entries) {
                byte[] data = e.content() == null ? new byte[0] : e.content().getBytes(StandardCharsets.UTF_8);
                if (e.header().isFile()) {
                    e.header().setSize(data.length);
                }
                out.putArchiveEntry(e.header());
                out.write(data);
                out.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }
}
