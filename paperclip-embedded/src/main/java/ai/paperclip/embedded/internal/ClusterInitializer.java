package ai.paperclip.embedded.internal;

import ai.paperclip.embedded.DataDirectoryException;
import ai.paperclip.embedded.PostgresStartException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates a new cluster in an absent or empty data directory: by copying a cached, freshly
 * initialised cluster of the same binaries and credentials (fast), or by running {@code initdb}.
 * Either way the cluster is built in a temporary sibling and renamed into place, so an interrupted
 * start never leaves a half-made cluster behind.
 */
public final class ClusterInitializer {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterInitializer.class);

    private ClusterInitializer() {
    }

    /**
     * @param templateCache where cached clusters live, or null to always run initdb
     * @param ports         the ports the server may use: the one preparing a template takes the first free one
     */
    public static void initialize(Installation installation, Path dataDirectory, String superuser, String password,
                                  String databaseName, Path templateCache, PortRange ports, Duration timeout) {
        Path parent = dataDirectory.toAbsolutePath().getParent();
        Path staging = null;
        try {
            Files.createDirectories(parent);
            staging = Files.createTempDirectory(parent, "." + dataDirectory.getFileName() + ".init-");
            Path cluster = staging.resolve("cluster");
            long started = System.nanoTime();
            if (templateCache != null) {
                Path template = template(installation, superuser, password, databaseName, templateCache, ports, timeout);
                StartProgress.step("Creating the cluster in " + dataDirectory + " from the cached template");
                FileTrees.copyTree(template, cluster);
                LOG.info("Created a PostgreSQL {} cluster in {} from the cached template {} in {} ms",
                        installation.version(), dataDirectory, template, millisSince(started));
            } else {
                StartProgress.step("Creating the cluster in " + dataDirectory + " (initdb)");
                initdb(installation, cluster, superuser, password, timeout);
                LOG.info("Created a PostgreSQL {} cluster in {} with initdb in {} ms", installation.version(),
                        dataDirectory, millisSince(started));
            }
            if (Files.isDirectory(dataDirectory)) {
                Files.delete(dataDirectory); // empty: checked by the caller under the start lock
            }
            if (!FileTrees.moveIntoPlace(cluster, dataDirectory)) {
                throw new DataDirectoryException(dataDirectory + " appeared while the cluster was being created;"
                        + " another program writes to it. Start again.");
            }
        } catch (IOException e) {
            throw new DataDirectoryException("Cannot create a cluster in " + dataDirectory + ": " + e.getMessage()
                    + ". Check that the directory's parent is writable and the disk has space.", e);
        } finally {
            if (staging != null) {
                FileTrees.deleteQuietly(staging);
            }
        }
    }

    private static Path template(Installation installation, String superuser, String password, String databaseName,
                                 Path cache, PortRange ports, Duration timeout) throws IOException {
        // Keyed by the binaries, the credentials and the database (hashed: the password never shows in a path).
        String key = BinaryCache.sha256(installation.key() + "\0" + superuser + "\0" + password + "\0"
                + databaseName).substring(0, 16);
        Path template = cache.toAbsolutePath().resolve("cluster-template-" + installation.version() + "-" + key);
        if (Files.isRegularFile(template.resolve("PG_VERSION"))) {
            return template;
        }
        Files.createDirectories(cache);
        Path staging = Files.createTempDirectory(cache, template.getFileName() + ".tmp-");
        try {
            Path cluster = staging.resolve("cluster");
            StartProgress.step("Creating the PostgreSQL " + installation.version() + " cluster template (initdb, once per"
                    + " machine)");
            initdb(installation, cluster, superuser, password, timeout);
            StartProgress.step("Creating the database '" + databaseName + "' in the template");
            createDatabase(installation, cluster, superuser, password, databaseName, ports, timeout);
            if (FileTrees.moveIntoPlace(cluster, template)) {
                LOG.info("Cached a freshly initialised PostgreSQL {} cluster as {}", installation.version(), template);
            }
            return template;
        } finally {
            FileTrees.deleteQuietly(staging);
        }
    }

    /**
     * The application database goes into the template too: CREATE DATABASE costs more than the copy. The server
     * doing it listens on the instance's port range like the real one (a firewall or a container may allow no
     * other), on the first free port, moving on when the port is taken while it starts.
     */
    private static void createDatabase(Installation installation, Path cluster, String superuser, String password,
                                       String databaseName, PortRange ports, Duration timeout) throws IOException {
        PgCtl pgCtl = new PgCtl(installation, cluster);
        Path log = cluster.resolveSibling("template-postgres.log");
        for (int port = ports.first(); port <= ports.last(); port++) {
            if (!Ports.isFree(port)) {
                LOG.info("Port {} is in use by another program; the server preparing the cluster template tries port {}",
                        port, port + 1);
                continue;
            }
            long offset = Files.exists(log) ? Files.size(log) : 0;
            ProcessRunner.Result started = pgCtl.start(port, log, timeout);
            List<String> lines = LogTail.since(log, offset);
            if (!started.ok()) {
                if (PortRange.bindFailed(lines)) {
                    LOG.info("Port {} was taken while the template server started; trying port {}", port, port + 1);
                    continue;
                }
                throw new PostgresStartException("PostgreSQL " + installation.version() + " did not start to prepare"
                        + " the cluster template in " + cluster + ".\n" + LogTail.format(lines) + LogTail.hint(lines), lines);
            }
            LOG.info("Preparing the cluster template with a server on 127.0.0.1:{}", port);
            try {
                Databases.ensureExists(port, superuser, password, databaseName);
            } finally {
                pgCtl.stop(timeout);
            }
            Files.deleteIfExists(cluster.resolve("postmaster.opts"));
            return;
        }
        throw ports.noneFree("the server preparing the cluster template");
    }

    private static void initdb(Installation installation, Path cluster, String superuser, String password,
                               Duration timeout) throws IOException {
        Files.createDirectories(cluster, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path pwfile = Files.createTempFile(cluster.getParent(), "pw", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(pwfile, password + "\n", StandardCharsets.UTF_8);
            ProcessRunner.Result result = ProcessRunner.run(List.of(installation.bin("initdb").toString(),
                    "--pgdata=" + cluster, "--encoding=UTF8", "--locale=C", "--lc-messages=C",
                    "--username=" + superuser, "--pwfile=" + pwfile, "--auth=scram-sha-256"), timeout);
            if (!result.ok()) {
                List<String> output = result.output().lines().toList();
                throw new PostgresStartException("initdb failed (exit " + result.exitCode() + ") for " + cluster
                        + ".\n" + LogTail.format(output) + LogTail.hint(output), output);
            }
        } finally {
            Files.deleteIfExists(pwfile);
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
