package ai.paperclip.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tukaani.xz.XZInputStream;

/**
 * Every platform's archive that {@code paperclip-postgres-binaries} puts on the class path, listed
 * without extracting it: the programs the lifecycle runs, the libraries and extensions the schema
 * needs (plpgsql, pg_trgm), and a {@code postgres} built for the processor the platform names (ELF or
 * Mach-O header). Only this machine's platform also runs end to end (the *IT tests).
 */
class BundledArchivesTest {

    /** Each archive is read once (they are 14 to 33 MB of xz), whichever test asks first. */
    private static final Map<PostgresPlatform, Listing> LISTINGS = new ConcurrentHashMap<>();

    static List<PostgresPlatform> platforms() {
        return PostgresPlatform.BUNDLED;
    }

    /** What one pass over an archive saw: entry name to its tar entry, and the first bytes of bin/postgres. */
    private record Listing(Map<String, TarArchiveEntry> entries, byte[] postgresHeader) {
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("platforms")
    void eachArchiveHoldsTheProgramsLibrariesAndExtensionsTheEmbeddedServerUses(PostgresPlatform platform)
            throws Exception {
        Listing listing = list(platform);
        String library = platform.os().equals("darwin") ? ".dylib" : ".so";

        for (String program : new String[] {"bin/initdb", "bin/pg_ctl", "bin/postgres"}) {
            TarArchiveEntry entry = listing.entries().get(program);
            assertThat(entry).as(program + " in " + platform.archiveName()).isNotNull();
            assertThat(entry.isFile()).as(program + " is a regular file").isTrue();
            assertThat(entry.getMode() & 0100).as(program + " is executable").isNotZero();
        }
        assertThat(listing.entries()).containsKeys(
                "lib/postgresql/plpgsql" + library,
                "lib/postgresql/pg_trgm" + library,
                "share/postgresql/postgres.bki",
                "share/postgresql/extension/plpgsql.control",
                "share/postgresql/extension/pg_trgm.control");
        assertThat(listing.entries().keySet()).anyMatch(name -> name.startsWith("lib/libpq") && name.contains(library));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("platforms")
    void eachArchivesPostgresIsBuiltForThePlatformItIsNamedFor(PostgresPlatform platform) throws Exception {
        byte[] header = list(platform).postgresHeader();

        if (platform.os().equals("linux")) {
            // ELF: magic, then e_machine (little-endian) at offset 18: 0x3E x86-64, 0xB7 AArch64.
            assertThat(new String(header, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("ELF");
            int machine = (header[18] & 0xff) | (header[19] & 0xff) << 8;
            assertThat(machine).isEqualTo(platform.arch().equals("amd64") ? 0x3E : 0xB7);
        } else {
            // Mach-O cputype 0x01000007 x86-64, 0x0100000C arm64: either a thin 64-bit file (0xfeedfacf,
            // little-endian, cputype next) or a universal one (0xcafebabe, big-endian: a count, then 20-byte
            // entries that each start with a cputype).
            int wanted = platform.arch().equals("amd64") ? 0x01000007 : 0x0100000C;
            List<Integer> cpuTypes = new java.util.ArrayList<>();
            if (bigEndianInt(header, 0) == 0xcafebabe) {
                for (int i = 0; i < bigEndianInt(header, 4); i++) {
                    cpuTypes.add(bigEndianInt(header, 8 + 20 * i));
                }
            } else {
                assertThat(littleEndianInt(header, 0)).as("Mach-O 64-bit magic").isEqualTo(0xfeedfacf);
                cpuTypes.add(littleEndianInt(header, 4));
            }
            assertThat(cpuTypes).contains(wanted);
        }
    }

    private static Listing list(PostgresPlatform platform) throws Exception {
        Listing cached = LISTINGS.get(platform);
        if (cached != null) {
            return cached;
        }
        String resource = platform.archiveName();
        InputStream archive = BundledArchivesTest.class.getClassLoader().getResourceAsStream(resource);
        assertThat(archive).as(resource + " on the class path (from " + platform.artifact() + ")").isNotNull();
        Map<String, TarArchiveEntry> entries = new HashMap<>();
        byte[] header = new byte[0];
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new XZInputStream(new BufferedInputStream(archive, 1 << 16)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                String name = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
                entries.put(name, entry);
                if (name.equals("bin/postgres")) {
                    header = tar.readNBytes(64);
                }
            }
        }
        Listing listing = new Listing(entries, header);
        LISTINGS.put(platform, listing);
        return listing;
    }

    private static int bigEndianInt(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) << 24 | (bytes[offset + 1] & 0xff) << 16 | (bytes[offset + 2] & 0xff) << 8
                | (bytes[offset + 3] & 0xff);
    }

    private static int littleEndianInt(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) | (bytes[offset + 1] & 0xff) << 8 | (bytes[offset + 2] & 0xff) << 16
                | (bytes[offset + 3] & 0xff) << 24;
    }
}
