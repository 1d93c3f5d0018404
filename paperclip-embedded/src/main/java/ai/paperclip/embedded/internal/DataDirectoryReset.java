package ai.paperclip.embedded.internal;

import ai.paperclip.embedded.DataDirectoryException;
import ai.paperclip.embedded.EmbeddedPostgresOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes a data directory, call with its {@link StartLock} held, only when it is provably a cluster
 * this instance may lose: it holds {@code PG_VERSION} and {@code global/pg_control}, it is not (and
 * does not contain) the file system root or the user's home, no process of this library uses its
 * server, and no server runs on it. Anything else is refused, and nothing is deleted.
 */
public final class DataDirectoryReset {

    private static final Logger LOG = LoggerFactory.getLogger(DataDirectoryReset.class);

    private DataDirectoryReset() {
    }

    /** @return true when the directory was deleted, false when there was nothing to delete */
    public static boolean run(EmbeddedPostgresOptions options) {
        Path dir = options.dataDirectory();
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            LOG.info("Nothing to reset: {} does not exist", dir);
            return false;
        }
        Path real = realPath(dir);
        DataDirectoryRule.problem(dir, DataDirectoryRule.always(null)).ifPresent(problem -> {
            throw new DataDirectoryException("Refusing to reset " + dir + ": it " + problem + "; nothing was deleted."
                    + " Point the data directory (database.embeddedPostgresDataDir) at a directory of its own.");
        });
        if (!DataDirectoryRule.holdsCluster(real)) {
            if (isEmpty(real)) {
                LOG.info("Nothing to reset: {} is empty", dir);
                return false;
            }
            throw new DataDirectoryException("Refusing to reset " + dir + ": it holds no PostgreSQL cluster (no PG_VERSION"
                    + " and global/pg_control), so it is not provably this instance's cluster; nothing was deleted. It"
                    + " contains: " + entries(real) + ". Move these files away yourself if they are not needed, or check"
                    + " database.embeddedPostgresDataDir in config.json.");
        }
        if (ServerUsers.inUse(dir)) {
            throw new DataDirectoryException("Refusing to reset " + dir + ": a process of this library uses its server"
                    + " (it holds " + ServerUsers.file(dir) + "). Close the applications and commands using it (the last"
                    + " one stops the server), then reset again.");
        }
        Optional<PidFile> pidFile = PidFile.read(real);
        if (pidFile.isPresent()) {
            refuseIfRunning(options, real, pidFile.get());
        }
        try {
            FileTrees.delete(moveAside(real));
            if (!real.equals(dir.toAbsolutePath().normalize())) {
                Files.deleteIfExists(dir); // the symbolic link that pointed at the cluster
            }
        } catch (IOException e) {
            throw new DataDirectoryException("Reset of " + dir + " failed part-way: " + e.getMessage()
                    + ". Delete the directory by hand; the next start creates a fresh cluster.", e);
        }
        LOG.info("Reset: deleted {}; the next start creates a fresh cluster", dir);
        return true;
    }

    private static void refuseIfRunning(EmbeddedPostgresOptions options, Path real, PidFile pidFile) {
        ServerProbe.Answer answer = pidFile.port().isPresent()
                ? ServerProbe.probe(pidFile.port().getAsInt(), options.superuser(), options.password(), real).answer()
                : ServerProbe.Answer.NONE;
        if (answer == ServerProbe.Answer.OURS || answer == ServerProbe.Answer.STARTING) {
            throw new DataDirectoryException("Refusing to reset " + options.dataDirectory() + ": its server is running ("
                    + pidFile.describeProcess() + "). Stop it first: close the applications using it, or run"
                    + " paperclip-migrate stop (it stops only a server proven to be this instance's), then reset again.");
        }
        Installation installation = BinaryCache.resolve(options.binaries(), options.cacheDirectory());
        if (answer != ServerProbe.Answer.NONE || new PgCtl(installation, real).isRunning()) {
            throw new DataDirectoryException("Refusing to reset " + options.dataDirectory() + ": its lock file "
                    + real.resolve(PidFile.NAME) + " names a live process (" + pidFile.describeProcess() + ") that is"
                    + " not proven to be this cluster's server, so its server may be running elsewhere (another user,"
                    + " container or password). If that process is not a PostgreSQL server of this directory (a pid"
                    + " reused after a reboot), make sure no server uses the directory, remove "
                    + real.resolve(PidFile.NAME) + " yourself (this library never does), then reset again.");
        }
    }

    /**
     * Renames the cluster out of the way first (one atomic step), so that a reset killed half-way leaves
     * either the whole cluster or no data directory at all, never a half-deleted one that start and reset
     * would both refuse; the renamed remains are named in the error if the deletion fails.
     */
    private static Path moveAside(Path real) {
        Path aside = real.resolveSibling("." + real.getFileName() + ".deleting-" + System.nanoTime());
        try {
            return Files.move(real, aside, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UnsupportedOperationException e) {
            return real;
        }
    }

    private static boolean isEmpty(Path dir) {
        try {
            return FileTrees.isEmptyDirectory(dir);
        } catch (IOException e) {
            return false;
        }
    }

    private static String entries(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().limit(10).collect(Collectors.joining(", "));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static Path realPath(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            throw new DataDirectoryException("Cannot resolve " + dir + ": " + e.getMessage()
                    + "; nothing was deleted.", e);
        }
    }
}
