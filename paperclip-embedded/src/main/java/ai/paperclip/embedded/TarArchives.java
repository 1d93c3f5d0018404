package ai.paperclip.embedded;

import ai.paperclip.embedded.internal.TarExtractor;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Safe extraction of tar archives: the binaries archives ({@code .txz}, including a user's archive given
 * to {@link PostgresBinaries#fromArchive}) and any other archive a Paperclip tool unpacks, such as a
 * physical backup. Every entry must land inside the target directory: absolute paths, {@code ..}
 * escapes, symbolic links resolving outside (also through links extracted earlier), hard links to
 * anything but a regular file already extracted inside, and device or FIFO entries are refused with an
 * {@link UnsafeArchiveException} naming the entry. Symbolic links inside and executable bits are kept.
 *
 * <pre>{@code
 * try (InputStream in = Files.newInputStream(archive)) {
 *     TarArchives.extractXz(in, target);
 * }
 * }</pre>
 *
 * <p>Extract into a new, empty directory and delete it when an exception is thrown: entries before the
 * refused one are left in it.
 */
public final class TarArchives {

    private static final int BUFFER = 1 << 16;

    private TarArchives() {
    }

    /** Extracts an uncompressed tar stream into {@code target} (created if missing). The caller closes {@code tar}. */
    public static void extract(InputStream tar, Path target) throws IOException {
        TarExtractor.extract(new BufferedInputStream(tar, BUFFER), target);
    }

    /** Extracts an xz-compressed tar stream ({@code .txz}, {@code .tar.xz}). */
    public static void extractXz(InputStream txz, Path target) throws IOException {
        TarExtractor.extract(new XZInputStream(new BufferedInputStream(txz, BUFFER)), target);
    }

    /** Extracts a gzip-compressed tar stream ({@code .tgz}, {@code .tar.gz}). */
    public static void extractGzip(InputStream tgz, Path target) throws IOException {
        TarExtractor.extract(new GZIPInputStream(new BufferedInputStream(tgz, BUFFER), BUFFER), target);
    }
}
