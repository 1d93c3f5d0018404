package ai.paperclip.embedded;

import java.io.IOException;

/**
 * An archive entry that would put something outside the directory it is extracted into (an absolute
 * path, a {@code ..} escape, a link leading outside) or that is not a plain file, directory or link.
 * Nothing is written outside the target; entries extracted before it stay inside it.
 */
public final class UnsafeArchiveException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String entry;

    public UnsafeArchiveException(String entry, String problem) {
        super("Refusing archive entry '" + entry + "': it " + problem + ". The archive is damaged or"
                + " malicious; nothing was written outside the target directory.");
        this.entry = entry;
    }

    /** The entry's name as the archive gives it. */
    public String entry() {
        return entry;
    }
}
