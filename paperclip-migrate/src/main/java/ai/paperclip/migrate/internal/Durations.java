package ai.paperclip.migrate.internal;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Durations on the command line: a whole number with {@code ms}, {@code s} or {@code min} ({@code 5s}, {@code 1500ms}). */
public final class Durations {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|min)?");

    private Durations() {
    }

    /** @throws ParameterException (bad usage) naming the option and an example when {@code value} is not one */
    public static Duration parse(String value, String option, CommandSpec spec) {
        Matcher m = DURATION.matcher(value.strip());
        if (!m.matches()) {
            throw new ParameterException(spec.commandLine(), option + " must be a number with ms, s or min"
                    + " (e.g. 5s, 1500ms; 0 for none), got '" + value + "'");
        }
        long n = Long.parseLong(m.group(1));
        return m.group(2) == null || m.group(2).equals("ms") ? Duration.ofMillis(n)
                : m.group(2).equals("s") ? Duration.ofSeconds(n) : Duration.ofMinutes(n);
    }
}
