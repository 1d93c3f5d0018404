package ai.paperclip.schema.lint;

/**
 * One statement that breaks one rule.
 *
 * @param rule the rule
 * @param file the file as it was given (a path or a name)
 * @param line the line the statement starts on (1-based)
 * @param table the table concerned, or {@code null}
 * @param message what is wrong with this statement, naming the table; {@link LintRule#fix()} says what to do
 * @param statement the statement, whitespace collapsed, cut to {@value #MAX_STATEMENT} characters
 */
public record LintFinding(LintRule rule, String file, int line, String table, String message, String statement) {

    public static final int MAX_STATEMENT = 300;

    public LintFinding {
        statement = statement.length() > MAX_STATEMENT ? statement.substring(0, MAX_STATEMENT) + "..." : statement;
    }

    /** {@code file:line: rule-id: message} */
    public String headline() {
        return file + ":" + line + ": " + rule.id() + ": " + message;
    }
}
