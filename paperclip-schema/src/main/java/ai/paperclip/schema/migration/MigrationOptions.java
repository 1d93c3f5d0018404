package ai.paperclip.schema.migration;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * How {@link MigrationGenerator} writes the next migration and how {@link MigrationCheck} words its
 * advice. Immutable; build with {@link #builder()}, validated once.
 *
 * @param author the changeset author ({@value #DEFAULT_AUTHOR}); with the id and file it identifies a
 *     changeset in Liquibase's history, so a host application's own schema should use its own
 * @param name the readable part of the file name, or {@code null} for a generated {@code adjective_noun}
 * @param custom whether to write an empty, hand-written migration instead of a diff
 * @param concurrentIndexes whether indexes (and the indexes of unique constraints) on tables that already
 *     exist are created {@code CONCURRENTLY}, each in its own changeset outside the transaction (default
 *     {@value #DEFAULT_CONCURRENT_INDEXES}); a plain {@code CREATE INDEX} blocks writes for its whole build
 * @param lockTimeout the {@code lock_timeout} every generated changeset that takes a lock blocking reads or
 *     writes of an existing table sets first (default {@link #DEFAULT_LOCK_TIMEOUT}): DDL queued behind a
 *     long transaction then gives up instead of blocking every query queued behind it. {@link Duration#ZERO}
 *     writes none
 * @param prompter who answers undecided changes at a terminal, or {@code null} (CI): then generate stops
 * @param generateCommand the command that runs generate, quoted in messages that say what to run
 */
public record MigrationOptions(String author, String name, boolean custom, boolean concurrentIndexes,
        Duration lockTimeout, DecisionPrompter prompter, String generateCommand) {

    public static final String DEFAULT_AUTHOR = "paperclip";
    public static final String DEFAULT_GENERATE_COMMAND =
            "paperclip-migrate generate --schema <schema class> --out <migrations folder>";
    public static final boolean DEFAULT_CONCURRENT_INDEXES = true;
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(5);
    /** Longest lock timeout accepted: a migration that may wait longer for a lock is not live-safe any more. */
    public static final Duration MAX_LOCK_TIMEOUT = Duration.ofMinutes(10);
    /** Longest readable name: keeps {@code NNNN_name_concurrently_N} a comfortable changeset id. */
    public static final int MAX_NAME_LENGTH = 60;

    private static final Pattern AUTHOR = Pattern.compile("[A-Za-z0-9_.\\-]+");
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]+");

    public MigrationOptions {
        if (author == null || !AUTHOR.matcher(author).matches()) {
            throw new IllegalArgumentException("author must be letters, digits, '_', '.' or '-' (it goes into"
                    + " '--changeset author:id'), got '" + author + "'");
        }
        if (name != null && (!NAME.matcher(name).matches() || name.length() > MAX_NAME_LENGTH)) {
            throw new IllegalArgumentException("name must be lower-case letters, digits and '_', at most "
                    + MAX_NAME_LENGTH + " characters (it becomes NNNN_name.sql), got '" + name + "'");
        }
        if (lockTimeout == null || lockTimeout.isNegative() || lockTimeout.compareTo(MAX_LOCK_TIMEOUT) > 0
                || lockTimeout.toNanos() % 1_000_000 != 0) {
            throw new IllegalArgumentException("lockTimeout must be whole milliseconds from 0 (none) to "
                    + MAX_LOCK_TIMEOUT.toMinutes() + " minutes, got " + lockTimeout);
        }
        if (generateCommand == null || generateCommand.isBlank()) {
            throw new IllegalArgumentException("generateCommand cannot be blank: messages quote it as the command to run");
        }
    }

    public static MigrationOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link MigrationOptions}. */
    public static final class Builder {
        private String author = DEFAULT_AUTHOR;
        private String name;
        private boolean custom;
        private boolean concurrentIndexes = DEFAULT_CONCURRENT_INDEXES;
        private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;
        private DecisionPrompter prompter;
        private String generateCommand = DEFAULT_GENERATE_COMMAND;

        private Builder() {
        }

        public Builder author(String author) {
            this.author = author;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder custom(boolean custom) {
            this.custom = custom;
            return this;
        }

        public Builder concurrentIndexes(boolean concurrentIndexes) {
            this.concurrentIndexes = concurrentIndexes;
            return this;
        }

        /** The {@code lock_timeout} of changesets that take strong locks; {@link Duration#ZERO} for none. */
        public Builder lockTimeout(Duration lockTimeout) {
            this.lockTimeout = lockTimeout;
            return this;
        }

        public Builder prompter(DecisionPrompter prompter) {
            this.prompter = prompter;
            return this;
        }

        public Builder generateCommand(String generateCommand) {
            this.generateCommand = generateCommand;
            return this;
        }

        /** @throws IllegalArgumentException naming the option that is not valid */
        public MigrationOptions build() {
            return new MigrationOptions(author, name, custom, concurrentIndexes, lockTimeout, prompter,
                    generateCommand);
        }
    }
}
