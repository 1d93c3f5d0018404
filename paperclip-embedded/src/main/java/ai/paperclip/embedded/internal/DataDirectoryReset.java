package ai.paperclip.embedded.internal;

import ai.paperclip.embedded.DataDirectoryException;
import ai.paperclip.embedded.EmbeddedPostgresOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes a data directory whose server is not running; call with its {@link StartLock} held. */
public final class DataDirectoryReset {

    private static final Logger LOG = LoggerFactory.getLogger(DataDirectoryReset.class);

    private DataDirectoryReset() {
    }

    public static void run(EmbeddedPostgresOptions options) {
        Path dir = options.dataDirectory();
        if (!Files.exists(dir)) {
            LOG.info("Nothing to reset: {} does not exist", dir);
            return;
        }
        Optional<PidFile> pidFile = PidFile.read(dir);
        if (pidFile.isPresent()) {
            boolean answers = pidFile.get().port().isPresent() && ServerProbe.probe(pidFile.get().port().getAsInt(),
                    options.superuser(), options.password(), realPath(dir)).answer() != ServerProbe.Answer.NONE;
            Installation installation = BinaryCache.resolve(options.binaries(), options.cacheDirectory());
            if (answers || new PgCtl(installation, realPath(dir)).isRunning()) {
                throw new DataDirectoryException("Refusing to reset " + dir + ": its server may be running ("
                        + pidFile.get().describeProcess() + "). Stop it first (close the application using it,"
                        + " or pg_ctl stop -D " + dir + "), then reset again.");
            }
        }
        try {
            FileTrees.delete(dir);
        } catch (IOException e) {
            throw new DataDirectoryException("Reset of " + dir + " failed part-way: " + e.getMessage()
                    + ". Delete the directory by hand; the next start creates a fresh cluster.", e);
        }
        LOG.info("Reset: deleted {}; the next start creates a fresh cluster", dir);
    }

    private static Path realPath(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            return dir;
        }
    }
}
