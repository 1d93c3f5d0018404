package ai.paperclip.db.backup.internal;

import ai.paperclip.db.backup.CorruptBackupException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Opens a backup, gzipped (by its magic bytes) or plain, and words read failures as refusals. */
public final class BackupInput {

    private BackupInput() {
    }

    public static InputStream open(Path file) throws IOException {
        try {
            InputStream raw = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
            raw.mark(2);
            int b1 = raw.read();
            int b2 = raw.read();
            raw.reset();
            if (b1 == 0x1f && b2 == 0x8b) {
                return new GZIPInputStream(raw, 64 * 1024);
            }
            return raw;
        } catch (NoSuchFileException e) {
            throw new CorruptBackupException("Backup file " + file + " does not exist. `paperclip-migrate backups`"
                    + " lists the backups of the instance.");
        } catch (ZipException | EOFException e) {
            throw refused(file, e);
        }
    }

    /** The refusal for a read failure of {@code file}: truncated or corrupted, nothing changed. */
    public static CorruptBackupException refused(Path file, Exception e) {
        String why = e instanceof EOFException ? "it is truncated (the gzip stream ends early)"
                : "it is corrupted (" + e.getMessage() + ")";
        return new CorruptBackupException("Backup file " + file + " cannot be used: " + why
                + ". Nothing was changed. Use another backup; `paperclip-migrate verify FILE` checks one.", e);
    }
}
