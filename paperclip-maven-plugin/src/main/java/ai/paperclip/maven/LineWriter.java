package ai.paperclip.maven;

import java.io.Writer;
import java.util.function.Consumer;

/** A writer that hands each complete line (without its line break) to Maven's log; the rest on flush. */
final class LineWriter extends Writer {

    private final Consumer<String> lines;
    private final StringBuilder pending = new StringBuilder();

    LineWriter(Consumer<String> lines) {
        this.lines = lines;
    }

    @Override
    public synchronized void write(char[] buffer, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            char c = buffer[i];
            if (c == '\n') {
                emit();
            } else if (c != '\r') {
                pending.append(c);
            }
        }
    }

    /** Hands over a partial last line too: a command's output ends with the command. */
    @Override
    public synchronized void flush() {
        if (!pending.isEmpty()) {
            emit();
        }
    }

    @Override
    public void close() {
        flush();
    }

    private void emit() {
        lines.accept(pending.toString());
        pending.setLength(0);
    }
}
