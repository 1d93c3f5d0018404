package ai.paperclip.migrate.internal;

import picocli.CommandLine.Help.Ansi;

/** Colours for a terminal, plain text otherwise (pipes, files, CI logs). */
public final class Style {

    private final boolean terminal;

    public Style(boolean terminal) {
        this.terminal = terminal;
    }

    public String ok(String text) {
        return paint("green", text);
    }

    public String warn(String text) {
        return paint("yellow", text);
    }

    public String fail(String text) {
        return paint("red", text);
    }

    public String bold(String text) {
        return paint("bold", text);
    }

    private String paint(String style, String text) {
        if (!terminal) {
            return text;
        }
        // picocli's markup; a '|@' in the text would end it early.
        return Ansi.ON.string("@|" + style + " " + text.replace("|@", "| @") + "|@");
    }
}
