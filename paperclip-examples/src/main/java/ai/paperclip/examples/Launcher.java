package ai.paperclip.examples;

import java.util.Map;

/**
 * How the examples' {@code main} methods end: normally, or with the failure's message on one line
 * (Paperclip's messages name the fix and never hold a password) and exit status 1.
 */
final class Launcher {

    private Launcher() {
    }

    static void run(String example, Runnable body) {
        try {
            body.run();
        } catch (RuntimeException e) {
            System.err.println(example + " failed: " + e.getMessage());
            if (System.getenv("PAPERCLIP_EXAMPLES_VERBOSE") != null) {
                e.printStackTrace();
            }
            System.exit(1);
        }
    }

    /** The value of {@code name}, or a failure that says what to set. */
    static String required(Map<String, String> env, String name, String hint) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is not set. " + hint);
        }
        return value;
    }
}
