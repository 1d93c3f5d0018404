package ai.paperclip.embedded.internal;

import ai.paperclip.embedded.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a settings file with a ceiling: a file named by a user may be huge, endless ({@code /dev/zero})
 * or a pipe that never ends, and reading it whole would exhaust memory or hang start-up.
 */
public final class BoundedFiles {

    private BoundedFiles() {
    }

    /**
     * The bytes of {@code file}, or {@code null} when it does not exist.
     *
     * @param what what the file is, for the message ("a .env file")
     * @throws ConfigurationException naming the file when it is not a regular file, holds more than
     *     {@code maxBytes} bytes, or cannot be read
     */
    public static byte[] read(Path file, int maxBytes, String what) {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new ConfigurationException(file + " is not a regular file (a device, pipe or directory), so it"
                    + " cannot be " + what + ". Point the setting at a file, or remove " + file + ".");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new ConfigurationException(file + " is larger than " + maxBytes + " bytes, more than "
                        + what + " can hold; it was not read. Check that the path names the right file.");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new ConfigurationException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
