package ai.paperclip.db;

/** The server answered but is older than the oldest PostgreSQL we support. */
public class UnsupportedServerException extends PaperclipDbException {

    private static final long serialVersionUID = 1L;

    private final int serverVersionNum;

    public UnsupportedServerException(String message, int serverVersionNum) {
        super(message, null, null);
        this.serverVersionNum = serverVersionNum;
    }

    /** The server's {@code server_version_num}, e.g. {@code 140022}. */
    public int serverVersionNum() {
        return serverVersionNum;
    }
}
